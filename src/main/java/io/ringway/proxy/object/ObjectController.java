package io.ringway.proxy.object;

import io.ringway.api.swift.EdgeConstraints;
import io.ringway.backend.BackendRequests;
import io.ringway.backend.InfoSource;
import io.ringway.backend.NodeSelection;
import io.ringway.backend.ObjectGet;
import io.ringway.backend.ObjectPut;
import io.ringway.proxy.Controller;
import io.ringway.proxy.ProxyReply;
import io.ringway.proxy.ProxyRequest;
import io.ringway.ring.Ring;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Swift's object controller ({@code ReplicatedObjectController}) for {@code /v1/a/c/o}: GET and
 * HEAD ({@link ObjectReads}), PUT ({@link ObjectWrites}), POST and DELETE ({@link ObjectUpdates}).
 * Container info comes from an {@link InfoSource} (the gateway's cache); object rings by policy
 * index. Authorization happened in the pipeline before; OPTIONS and CORS are the {@link
 * io.ringway.proxy.ProxyApplication}'s, COPY the copy stage's; erasure-coded
 * policies are not served.
 */
public final class ObjectController implements Controller {

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "PUT", "POST", "DELETE");

    private final ObjectReads reads;
    private final ObjectWrites writes;
    private final ObjectUpdates updates;

    /**
     * @param info container info (status, storage policy)
     * @param objectRings the object ring of a policy index
     * @param containerRing the container ring, for container updates
     * @param get GET and HEAD across replicas
     * @param put PUT to the replicas
     * @param requests POST and DELETE to the replicas
     * @param selection per-policy write affinity, which decides how many nodes a DELETE asks
     * @param constraints Swift's constraints checks
     * @param contentTypes the table that guesses a missing Content-Type
     */
    public ObjectController(InfoSource info, IntFunction<Ring> objectRings, Supplier<Ring> containerRing, ObjectGet get,
            ObjectPut put, BackendRequests requests, NodeSelection selection, EdgeConstraints constraints,
            ContentTypes contentTypes, IntFunction<String> policyNames) {
        ObjectTargets targets = new ObjectTargets(info, objectRings, containerRing, policyNames);
        this.reads = new ObjectReads(targets, get);
        this.writes = new ObjectWrites(targets, put, constraints, contentTypes);
        this.updates = new ObjectUpdates(targets, requests, selection, constraints);
    }

    @Override
    public Set<String> allowedMethods() {
        return METHODS;
    }

    @Override
    public Mono<ProxyReply> handle(ProxyRequest request) {
        return switch (request.method()) {
            case "GET", "HEAD" -> reads.handle(request);
            case "PUT" -> writes.handle(request);
            case "POST" -> updates.post(request);
            case "DELETE" -> updates.delete(request);
            default -> Mono.error(new IllegalStateException("method: " + request.method()
                    + " (expected: one of " + METHODS + ")"));
        };
    }
}
