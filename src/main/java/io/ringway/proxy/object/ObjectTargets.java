package io.ringway.proxy.object;

import static java.util.Objects.requireNonNull;

import io.ringway.api.swift.SwiftPath;
import io.ringway.backend.ContainerInfo;
import io.ringway.backend.ContainerTarget;
import io.ringway.backend.InfoSource;
import io.ringway.backend.ObjectName;
import io.ringway.ring.Ring;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Resolves an object path to its {@link ObjectTarget}, as each of Swift's object handlers starts:
 * {@code container_info}, the policy index from it, {@code get_object_ring}, and
 * {@code _get_update_target} (the container's partition and primaries in the container ring).
 */
final class ObjectTargets {

    private final InfoSource info;
    private final IntFunction<Ring> objectRings;
    private final Supplier<Ring> containerRing;

    ObjectTargets(InfoSource info, IntFunction<Ring> objectRings, Supplier<Ring> containerRing) {
        this.info = requireNonNull(info, "info");
        this.objectRings = requireNonNull(objectRings, "objectRings");
        this.containerRing = requireNonNull(containerRing, "containerRing");
    }

    Mono<ObjectTarget> resolve(SwiftPath path) {
        String account = path.account();
        String container = Objects.requireNonNull(path.container(), "container");
        String object = Objects.requireNonNull(path.object(), "object");
        return info.container(account, container)
                .map(found -> target(new ObjectName(account, container, object), found));
    }

    private ObjectTarget target(ObjectName name, ContainerInfo container) {
        // A missing container's info has policy 0, like Swift's headers_to_container_info({}).
        int policy = container.exists() ? container.storagePolicy() : 0;
        Ring ring = objectRings.apply(policy);
        int partition = ring.partition(name.account(), name.container(), name.object());
        ContainerTarget updates = null;
        if (container.exists()) {
            Ring containers = containerRing.get();
            int containerPartition = containers.partition(name.account(), name.container(), null);
            updates = new ContainerTarget(containerPartition, containers.primaryNodes(containerPartition));
        }
        return new ObjectTarget(name, container, policy, ring, partition, updates);
    }
}
