package io.ringway.backend;

import io.ringway.ring.Device;
import io.ringway.ring.Node;
import io.ringway.ring.Ring;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

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
     *
     * <p>Swift walks the handoffs twice; here the handoffs the search computed are kept and
     * replayed for the rest, and the search stops once every local device of the ring is found,
     * which gives the same order without walking every handoff when there are fewer local
     * devices than {@code write_affinity_node_count} (the usual case with {@code 2 * replicas}).
     */
    static Iterator<Node> forWrite(Ring ring, int partition, PolicyOptions options) {
        List<Node> primaries = ring.primaryNodes(partition);
        int wanted = Math.min(options.writeAffinityNodeCount(primaries.size()), localDevices(ring, options));
        List<Node> preferred = new ArrayList<>();
        for (Node node : primaries) {
            if (preferred.size() < wanted && options.isLocal(node.device())) {
                preferred.add(node);
            }
        }
        Iterator<Node> handoffs = ring.handoffNodes(partition).iterator();
        List<Node> walked = new ArrayList<>();
        while (preferred.size() < wanted && handoffs.hasNext()) {
            Node node = handoffs.next();
            walked.add(node);
            if (options.isLocal(node.device())) {
                preferred.add(node);
            }
        }
        Set<Integer> taken = deviceIds(preferred);
        Stream<Node> rest = Stream.concat(Stream.concat(primaries.stream(), walked.stream()), remaining(handoffs))
                .filter(node -> !taken.contains(node.deviceId()));
        return Stream.concat(preferred.stream(), rest).iterator();
    }

    /**
     * For a DELETE ({@code local_handoffs_first}): the primaries, then the first {@code count}
     * local handoffs, then the handoffs after the last of those. As in Swift, the search for
     * local handoffs consumes the one handoff walk, so the non-local handoffs it passed are not
     * tried later, and none at all are left when fewer than {@code count} local ones exist (known
     * here once every local device is found, without computing the remaining handoffs).
     */
    static Iterator<Node> forDelete(Ring ring, int partition, PolicyOptions options, int count) {
        List<Node> primaries = ring.primaryNodes(partition);
        Iterator<Node> walk = ring.handoffNodes(partition).iterator();
        List<Node> preferred = new ArrayList<>(primaries);
        int localHandoffs = localDevices(ring, options);
        for (Node node : primaries) {
            if (options.isLocal(node.device())) {
                localHandoffs--;
            }
        }
        int found = 0;
        while (found < count && walk.hasNext()) {
            if (found == localHandoffs) {
                // Every local handoff is found: Swift's search would consume the rest of the walk.
                walk = Collections.emptyIterator();
                break;
            }
            Node node = walk.next();
            if (options.isLocal(node.device())) {
                preferred.add(node);
                found++;
            }
        }
        Iterator<Node> handoffs = walk;
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

    /** How many devices of the ring are local: no more local nodes can be found than that. */
    private static int localDevices(Ring ring, PolicyOptions options) {
        int count = 0;
        for (Device device : ring.devices()) {
            if (device != null && options.isLocal(device)) {
                count++;
            }
        }
        return count;
    }

    private static Stream<Node> remaining(Iterator<Node> handoffs) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(handoffs, Spliterator.ORDERED), false);
    }

    private static Set<Integer> deviceIds(List<Node> nodes) {
        Set<Integer> ids = new HashSet<>();
        nodes.forEach(node -> ids.add(node.deviceId()));
        return ids;
    }
}
