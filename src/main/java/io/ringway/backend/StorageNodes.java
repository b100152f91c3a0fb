package io.ringway.backend;

import static java.util.Objects.requireNonNull;

import io.ringway.ring.Ring;
import java.util.Random;

/**
 * What every request to storage nodes shares: the client, the nodes' error limits and timings,
 * the node selection options (the proxy's and each policy's), and the randomness that shuffles
 * equal nodes. One per gateway.
 *
 * @param client the connections to the nodes
 * @param health per-node error limiting
 * @param timings per-node response times, for {@code sorting_method = timing}
 * @param random shuffles the primaries before they are sorted
 * @param selection {@code sorting_method}, {@code read_affinity} and write affinity, per policy
 */
public record StorageNodes(StorageNodeClient client, NodeHealth health, NodeTimings timings, Random random,
        NodeSelection selection) {

    public StorageNodes {
        requireNonNull(client, "client");
        requireNonNull(health, "health");
        requireNonNull(timings, "timings");
        requireNonNull(random, "random");
        requireNonNull(selection, "selection");
    }

    /** With the node selection of the client's settings. */
    public StorageNodes(StorageNodeClient client, NodeHealth health, NodeTimings timings, Random random) {
        this(client, health, timings, random, client.settings().nodeSelection());
    }

    /**
     * The nodes to try for {@code partition}, in Swift's {@code iter_nodes} order without a
     * policy: the primaries sorted by the proxy's own options. Swift uses it for accounts,
     * containers, object POSTs and object DELETEs without write affinity.
     */
    public NodeIterator iterate(Ring ring, int partition) {
        return NodeIterator.of(ring, partition, selection.options(null), selection.requestNodeCount(), health, timings,
                random);
    }

    /** The nodes to try for an object GET or HEAD: primaries sorted by the policy's options. */
    public NodeIterator iterate(Ring ring, int partition, int policyIndex) {
        return NodeIterator.of(ring, partition, selection.options(policyIndex), selection.requestNodeCount(), health,
                timings, random);
    }

    /**
     * The nodes to try for an object PUT, as Swift's {@code iter_nodes_local_first}: under the
     * policy's {@code write_affinity}, local nodes first ({@link LocalFirst#forWrite}), else as
     * {@link #iterate(Ring, int, int)}.
     */
    public NodeIterator iterateLocalFirst(Ring ring, int partition, int policyIndex) {
        PolicyOptions options = selection.options(policyIndex);
        if (!options.hasWriteAffinity()) {
            return iterate(ring, partition, policyIndex);
        }
        return NodeIterator.over(LocalFirst.forWrite(ring, partition, options), ring.primaryNodes(partition).size(),
                options, selection.requestNodeCount(), health, timings, random);
    }

    /**
     * The nodes to try for an object DELETE under the policy's {@code write_affinity}, as Swift's
     * {@code iter_nodes_local_first(local_handoffs_first=True)}: the primaries, then local handoffs
     * ({@link LocalFirst#forDelete}); without write affinity, as {@link #iterate(Ring, int)}.
     */
    public NodeIterator iterateLocalHandoffsFirst(Ring ring, int partition, int policyIndex) {
        PolicyOptions options = selection.options(policyIndex);
        if (!options.hasWriteAffinity()) {
            return iterate(ring, partition);
        }
        var primaries = ring.primaryNodes(partition);
        int count = options.localHandoffsForDelete(primaries);
        return NodeIterator.over(LocalFirst.forDelete(ring, partition, options, count), primaries.size(), options,
                selection.requestNodeCount(), health, timings, random);
    }

    /** Timeouts, node counts and error limits. */
    public BackendSettings settings() {
        return client.settings();
    }
}
