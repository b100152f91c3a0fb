package io.ringway.backend;

import io.ringway.ring.Node;
import io.ringway.ring.Ring;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The node orders of Swift's {@code iter_nodes_local_first} under {@code write_affinity}: a
 * reordering of the partition's primaries and handoffs that puts local nodes first. Both are
 * lazy in the handoffs, which the ring computes one by one.
 */
final class LocalFirst {

    private LocalFirst() {
    }

    /**
     * For a PUT: the first {@code write_affinity_node_count} local nodes among the primaries and
     * then the handoffs, in ring order, followed by every other node in ring order.
     */
    static Iterator<Node> forWrite(Ring ring, int partition, PolicyOptions options) {
        List<Node> primaries = ring.primaryNodes(partition);
        int wanted = options.writeAffinityNodeCount(primaries.size());
        List<Node> preferred = Stream.concat(primaries.stream(), ring.handoffNodes(partition))
                .filter(node -> options.isLocal(node.device()))
                .limit(wanted)
                .toList();
        Set<Integer> taken = deviceIds(preferred);
        // A fresh handoff walk for the rest, as Swift's "refresh it" does.
        Stream<Node> rest = Stream.concat(primaries.stream(), ring.handoffNodes(partition))
                .filter(node -> !taken.contains(node.deviceId()));
        return Stream.concat(preferred.stream(), rest).iterator();
    }

    /**
     * For a DELETE ({@code local_handoffs_first}): the primaries, then the first {@code count}
     * local handoffs, then the handoffs after the last of those. As in Swift, the search for
     * local handoffs consumes the one handoff walk, so the non-local handoffs it passed are not
     * tried later, and none at all are left when fewer than {@code count} local ones exist.
     */
    static Iterator<Node> forDelete(Ring ring, int partition, PolicyOptions options, int count) {
        List<Node> primaries = ring.primaryNodes(partition);
        Iterator<Node> handoffs = ring.handoffNodes(partition).iterator();
        List<Node> preferred = new ArrayList<>(primaries);
        int found = 0;
        while (found < count && handoffs.hasNext()) {
            Node node = handoffs.next();
            if (options.isLocal(node.device())) {
                preferred.add(node);
                found++;
            }
        }
        Iterator<Node> first = preferred.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return first.hasNext() || handoffs.hasNext();
            }

            @Override
            public Node next() {
                return first.hasNext() ? first.next() : handoffs.next();
            }
        };
    }

    private static Set<Integer> deviceIds(List<Node> nodes) {
        Set<Integer> ids = new HashSet<>();
        nodes.forEach(node -> ids.add(node.deviceId()));
        return ids;
    }
}
