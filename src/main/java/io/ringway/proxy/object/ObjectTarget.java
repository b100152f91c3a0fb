package io.ringway.proxy.object;

import static java.util.Objects.requireNonNull;

import io.ringway.backend.ContainerInfo;
import io.ringway.backend.ContainerTarget;
import io.ringway.swift.ObjectName;
import io.ringway.ring.Ring;
import org.jspecify.annotations.Nullable;

/**
 * Where an object request goes: the object, its container's info, the storage policy taken from
 * it (0 when the container is missing, as Swift's {@code headers_to_container_info({})}), the
 * policy's object ring and the object's partition, and where container updates go (null when
 * the container does not exist: Swift's {@code container_nodes} is then empty).
 *
 * @param name the object
 * @param container the container's info
 * @param policyIndex the storage policy index
 * @param ring the object ring of that policy
 * @param partition the object's partition
 * @param updates the container's partition and primaries, or null when the container is missing
 */
record ObjectTarget(ObjectName name, ContainerInfo container, int policyIndex, Ring ring, int partition,
        @Nullable ContainerTarget updates) {

    ObjectTarget {
        requireNonNull(name, "name");
        requireNonNull(container, "container");
        requireNonNull(ring, "ring");
    }

    /** The object's path on a node after {@code /device/partition}: {@code /a/c/o}, unquoted. */
    String path() {
        return name.toString();
    }
}
