package io.ringway.backend;

import static java.util.Objects.requireNonNull;

import io.ringway.ring.Node;
import io.ringway.ring.Ring;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.function.IntUnaryOperator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The nodes a request tries, as Swift's {@code NodeIter}: the partition's primaries sorted by
 * {@code sorting_method}, then its handoffs (or, for object writes under {@code write_affinity},
 * the same nodes local first, see {@link LocalFirst}), at most {@code request_node_count} in all, skipping
 * error-limited nodes. A node that becomes error-limited after it was handed out does not count
 * against the limit, so another takes its place (as in Swift). Safe for concurrent use: a PUT's
 * connection workers share one.
 */
public final class NodeIterator implements Iterator<Node> {

    private final List<Node> primaries;
    private final Iterator<Node> handoffs;
    private final NodeHealth health;
    private int nextPrimary;
    private int nodesLeft;
    private @Nullable Node pending;
    private @Nullable Node lastYielded;

    private NodeIterator(List<Node> primaries, Iterator<Node> handoffs, int requestNodeCount, NodeHealth health) {
        this.primaries = primaries;
        this.handoffs = handoffs;
        this.nodesLeft = requestNodeCount;
        this.health = health;
    }

    /** The nodes of {@code partition} in {@code ring}: its primaries sorted by {@code options}, then its handoffs. */
    static NodeIterator of(Ring ring, int partition, PolicyOptions options, IntUnaryOperator requestNodeCount,
            NodeHealth health, NodeTimings timings, Random random) {
        List<Node> primaries = ring.primaryNodes(partition);
        return over(Stream.concat(primaries.stream(), ring.handoffNodes(partition)).iterator(), primaries.size(),
                options, requestNodeCount, health, timings, random);
    }

    /**
     * Swift's {@code NodeIter} given a {@code node_iter}: the first {@code primaryCount} nodes of
     * {@code order} are taken as the primaries and sorted, the rest follow in order.
     */
    static NodeIterator over(Iterator<Node> order, int primaryCount, PolicyOptions options,
            IntUnaryOperator requestNodeCount, NodeHealth health, NodeTimings timings, Random random) {
        List<Node> first = new ArrayList<>(primaryCount);
        while (first.size() < primaryCount && order.hasNext()) {
            first.add(order.next());
        }
        List<Node> primaries = sort(first, options, timings, random);
        return new NodeIterator(primaries, order, requestNodeCount.applyAsInt(primaryCount),
                requireNonNull(health, "health"));
    }

    /** Swift's {@code sort_nodes}: shuffled, then stably sorted by timing or read affinity. */
    static List<Node> sort(List<Node> nodes, PolicyOptions options, NodeTimings timings, Random random) {
        List<Node> sorted = new ArrayList<>(nodes);
        // Shuffled first so that equal keys do not always favour the same node.
        Collections.shuffle(sorted, random);
        if (options.sortingMethod().equals("timing")) {
            sorted.sort(Comparator.comparingDouble(node -> timings.key(node.device().ip())));
        } else if (options.sortingMethod().equals("affinity")) {
            sorted.sort(Comparator.comparingLong(node -> options.readPriority(node.device())));
        }
        return List.copyOf(sorted);
    }

    @Override
    public synchronized boolean hasNext() {
        if (pending == null) {
            pending = advance();
        }
        return pending != null;
    }

    @Override
    public synchronized Node next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more nodes");
        }
        Node node = requireNonNull(pending, "pending");
        pending = null;
        lastYielded = node;
        return node;
    }

    /** The next node, or null; {@code null} also when the next call may not give one. */
    public synchronized @Nullable Node nextOrNull() {
        return hasNext() ? next() : null;
    }

    private @Nullable Node advance() {
        if (lastYielded != null) {
            // Counted only now, and only if it is not limited since: Swift's extra node for a limited one.
            if (!health.limited(lastYielded.device())) {
                nodesLeft--;
            }
            lastYielded = null;
        }
        if (nodesLeft <= 0) {
            return null;
        }
        while (nextPrimary < primaries.size()) {
            Node node = primaries.get(nextPrimary++);
            if (!health.limited(node.device())) {
                return node;
            }
        }
        while (handoffs.hasNext()) {
            Node node = handoffs.next();
            if (!health.limited(node.device())) {
                return node;
            }
        }
        return null;
    }
}
