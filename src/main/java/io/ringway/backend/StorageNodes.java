package io.ringway.backend;

import static java.util.Objects.requireNonNull;

import io.ringway.ring.Ring;
import java.util.Random;

/**
 * What every request to storage nodes shares: the client, the nodes' error limits and timings,
 * and the randomness that shuffles equal nodes. One per gateway.
 *
 * @param client the connections to the nodes
 * @param health per-node error limiting
 * @param timings per-node response times, for {@code sorting_method = timing}
 * @param random shuffles the primaries before they are sorted
 */
public record StorageNodes(StorageNodeClient client, NodeHealth health, NodeTimings timings, Random random) {

    public StorageNodes {
        requireNonNull(client, "client");
        requireNonNull(health, "health");
        requireNonNull(timings, "timings");
        requireNonNull(random, "random");
    }

    /** The nodes to try for {@code partition}, in Swift's {@code iter_nodes} order. */
    public NodeIterator iterate(Ring ring, int partition) {
        return NodeIterator.of(ring, partition, client.settings(), health, timings, random);
    }

    /** Timeouts, node counts and error limits. */
    public BackendSettings settings() {
        return client.settings();
    }
}
