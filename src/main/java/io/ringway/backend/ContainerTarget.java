package io.ringway.backend;

import static java.util.Objects.requireNonNull;

import io.ringway.ring.Node;
import java.util.List;

/**
 * The container replicas an object PUT's container updates go to: the container's partition and
 * primary nodes in the container ring.
 *
 * @param partition the container's partition
 * @param nodes the container's primary nodes
 */
public record ContainerTarget(int partition, List<Node> nodes) {

    public ContainerTarget {
        nodes = List.copyOf(requireNonNull(nodes, "nodes"));
    }
}
