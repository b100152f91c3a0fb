package io.ringway.proxy.object;

import static java.util.Objects.requireNonNull;

import io.ringway.api.error.GatewayException;
import io.ringway.api.swift.EdgeConstraints;
import io.ringway.backend.BackendRequests;
import io.ringway.backend.ContainerUpdateHeaders;
import io.ringway.backend.FanOutRequest;
import io.ringway.backend.NodeSelection;
import io.ringway.proxy.ProxyReply;
import io.ringway.proxy.ProxyRequest;
import io.ringway.proxy.SwiftResponses;
import io.ringway.swift.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Mono;

/**
 * Object POST and DELETE, as Swift's {@code BaseObjectController.POST} and {@code DELETE}: a
 * missing container gives 404; POST checks the metadata and turns {@code X-Delete-After} into
 * {@code X-Delete-At}; both fix one {@code X-Timestamp} and send the request to every primary
 * (handoffs standing in) with the container update headers, and answer the best of the nodes'
 * answers ({@code make_requests}), a DELETE counting 404s as 204 when no class has a quorum.
 * Under the policy's {@code write_affinity} a DELETE also goes to local handoffs (as many as
 * {@code write_affinity_handoff_delete_count} says), which may hold the object a PUT wrote
 * locally; those requests carry container updates too.
 */
final class ObjectUpdates {

    private final ObjectTargets targets;
    private final BackendRequests requests;
    private final NodeSelection selection;
    private final EdgeConstraints constraints;

    ObjectUpdates(ObjectTargets targets, BackendRequests requests, NodeSelection selection,
            EdgeConstraints constraints) {
        this.targets = requireNonNull(targets, "targets");
        this.requests = requireNonNull(requests, "requests");
        this.selection = requireNonNull(selection, "selection");
        this.constraints = requireNonNull(constraints, "constraints");
    }

    Mono<ProxyReply> post(ProxyRequest request) {
        return targets.resolve(request)
                .flatMap(target -> {
                    if (target.updates() == null) {
                        return Mono.error(GatewayException.status(404));
                    }
                    constraints.checkMetadata(request.headers(), EdgeConstraints.Target.OBJECT);
                    Timestamp timestamp = NodeHeaders.ensureTimestamp(request.headers());
                    HttpHeaders changes = new HttpHeaders();
                    changes.set("X-Timestamp", timestamp.internal());
                    String deleteAt = constraints.checkDeleteHeaders(request.headers(), timestamp.raw() / 100_000.0);
                    if (deleteAt != null) {
                        changes.set("X-Delete-At", deleteAt);
                    }
                    int replicas = target.ring().primaryNodes(target.partition()).size();
                    return send(request, target, HttpMethod.POST, changes, Map.of(), replicas, null);
                });
    }

    Mono<ProxyReply> delete(ProxyRequest request) {
        return targets.resolve(request)
                .flatMap(target -> {
                    if (target.updates() == null) {
                        return Mono.error(GatewayException.status(404));
                    }
                    HttpHeaders changes = new HttpHeaders();
                    changes.set("X-Timestamp", NodeHeaders.ensureTimestamp(request.headers()).internal());
                    int count = selection.objectDeleteNodeCount(target.ring(), target.partition(),
                            target.policyIndex());
                    Integer localHandoffsPolicy = selection.options(target.policyIndex()).hasWriteAffinity()
                            ? target.policyIndex()
                            : null;
                    return send(request, target, HttpMethod.DELETE, changes, Map.of(404, 204), count,
                            localHandoffsPolicy);
                });
    }

    private Mono<ProxyReply> send(ProxyRequest request, ObjectTarget target, HttpMethod method, HttpHeaders changes,
            Map<Integer, Integer> overrides, int nodeCount, @Nullable Integer localHandoffsPolicy) {
        HttpHeaders common = NodeHeaders.of(request, changes);
        common.remove("X-Delete-After");
        common.set("X-Backend-Storage-Policy-Index", Integer.toString(target.policyIndex()));
        int replicas = target.ring().primaryNodes(target.partition()).size();
        List<HttpHeaders> perNode = new ArrayList<>();
        for (HttpHeaders update : ContainerUpdateHeaders.assign(nodeCount, replicas,
                requireNonNull(target.updates()))) {
            HttpHeaders headers = new HttpHeaders();
            common.forEach(headers::addAll);
            update.forEach(headers::put);
            perNode.add(headers);
        }
        FanOutRequest fanOut = new FanOutRequest(target.ring(), target.partition(), method, target.path(), null,
                perNode, overrides, localHandoffsPolicy);
        return requests.send(fanOut)
                .map(reply -> SwiftResponses.fromBackend(reply, request.exchange()));
    }
}
