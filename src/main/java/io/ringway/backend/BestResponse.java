package io.ringway.backend;

import java.util.List;
import java.util.Set;

/**
 * Swift's {@code best_response} and {@code have_quorum} over the statuses collected from
 * backends: the highest status of the first class (2xx, 3xx, 4xx) that a quorum of the
 * responses share, else 503.
 */
final class BestResponse {

    private BestResponse() {
    }

    /** Swift's {@code quorum_size}: {@code (n + 1) // 2}. */
    static int quorumSize(int n) {
        return (n + 1) / 2;
    }

    /** The index into {@code statuses} of the best response, or -1 for none (503). */
    static int pick(List<Integer> statuses, int quorum) {
        return pick(statuses, quorum, Set.of());
    }

    /**
     * As {@link #pick(List, int)}, but the indices in {@code avoid} (statuses made up by
     * overrides) count toward a class's quorum and are never the answer; a class whose quorum
     * is all made up gives way to the next, as in Swift.
     */
    static int pick(List<Integer> statuses, int quorum, Set<Integer> avoid) {
        if (statuses.isEmpty()) {
            return -1;
        }
        for (int hundred = 200; hundred <= 400; hundred += 100) {
            int count = 0;
            int best = -1;
            for (int i = 0; i < statuses.size(); i++) {
                int status = statuses.get(i);
                if (status >= hundred && status < hundred + 100) {
                    count++;
                    if (!avoid.contains(i) && (best < 0 || status > statuses.get(best))) {
                        best = i;
                    }
                }
            }
            if (count >= quorum && best >= 0) {
                return best;
            }
        }
        return -1;
    }

    /** Swift's {@code have_quorum}: whether {@code statuses} of {@code nodeCount} nodes already decide. */
    static boolean haveQuorum(List<Integer> statuses, int nodeCount) {
        int quorum = quorumSize(nodeCount);
        if (statuses.size() < quorum) {
            return false;
        }
        for (int hundred = 100; hundred <= 400; hundred += 100) {
            int h = hundred;
            if (statuses.stream().filter(s -> s >= h && s < h + 100).count() >= quorum) {
                return true;
            }
        }
        return false;
    }
}
