package io.ringway.proxy.object;

import static java.util.Objects.requireNonNull;

import io.ringway.api.swift.SwiftPath;
import io.ringway.backend.ContainerInfo;
import io.ringway.backend.ContainerTarget;
import io.ringway.backend.InfoSource;
import io.ringway.swift.ObjectName;
import io.ringway.proxy.ProxyRequest;
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
    private final IntFunction<String> policyNames;

    /** @param policyNames a policy's name by index, for the request's metrics tag */
    ObjectTargets(InfoSource info, IntFunction<Ring> objectRings, Supplier<Ring> containerRing,
            IntFunction<String> policyNames) {
        this.info = requireNonNull(info, "info");
        this.policyNames = requireNonNull(policyNames, "policyNames");
        this.objectRings = requireNonNull(objectRings, "objectRings");
        this.containerRing = requireNonNull(containerRing, "containerRing");
    }

    /** The request's object, its policy recorded in the request's context (proxy_logging's tag). */
    Mono<ObjectTarget> resolve(ProxyRequest request) {
        SwiftPath path = request.path();
        String account = path.account();
        String container = Objects.requireNonNull(path.container(), "container");
        String object = Objects.requireNonNull(path.object(), "object");
        return info.container(account, container)
                .map(found -> {
                    ObjectTarget target = target(new ObjectName(account, container, object), found);
                    request.context().policy(policyNames.apply(target.policyIndex()));
                    return target;
                });
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
