package io.ringway.proxy.object;

import static java.util.Objects.requireNonNull;

import io.ringway.api.error.GatewayException;
import io.ringway.api.swift.EdgeConstraints;
import io.ringway.backend.BackendRequests;
import io.ringway.backend.ContainerUpdateHeaders;
import io.ringway.backend.FanOutRequest;
import io.ringway.proxy.ProxyReply;
import io.ringway.proxy.ProxyRequest;
import io.ringway.proxy.SwiftResponses;
import io.ringway.swift.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Mono;

/**
 * Object POST and DELETE, as Swift's {@code BaseObjectController.POST} and {@code DELETE}: a
 * missing container gives 404; POST checks the metadata and turns {@code X-Delete-After} into
 * {@code X-Delete-At}; both fix one {@code X-Timestamp} and send the request to every primary
 * (handoffs standing in) with the container update headers, and answer the best of the nodes'
 * answers ({@code make_requests}), a DELETE counting 404s as 204 when no class has a quorum.
 */
final class ObjectUpdates {

    private final ObjectTargets targets;
    private final BackendRequests requests;
    private final EdgeConstraints constraints;

    ObjectUpdates(ObjectTargets targets, BackendRequests requests, EdgeConstraints constraints) {
        this.targets = requireNonNull(targets, "targets");
        this.requests = requireNonNull(requests, "requests");
        this.constraints = requireNonNull(constraints, "constraints");
    }

    Mono<ProxyReply> post(ProxyRequest request) {
        return targets.resolve(request.path())
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
                    return send(request, target, HttpMethod.POST, changes, Map.of());
                });
    }

    Mono<ProxyReply> delete(ProxyRequest request) {
        return targets.resolve(request.path())
                .flatMap(target -> {
                    if (target.updates() == null) {
                        return Mono.error(GatewayException.status(404));
                    }
                    HttpHeaders changes = new HttpHeaders();
                    changes.set("X-Timestamp", NodeHeaders.ensureTimestamp(request.headers()).internal());
                    return send(request, target, HttpMethod.DELETE, changes, Map.of(404, 204));
                });
    }

    private Mono<ProxyReply> send(ProxyRequest request, ObjectTarget target, HttpMethod method, HttpHeaders changes,
            Map<Integer, Integer> overrides) {
        HttpHeaders common = NodeHeaders.of(request, changes);
        common.remove("X-Delete-After");
        common.set("X-Backend-Storage-Policy-Index", Integer.toString(target.policyIndex()));
        int replicas = target.ring().primaryNodes(target.partition()).size();
        List<HttpHeaders> perNode = new ArrayList<>();
        for (HttpHeaders update : ContainerUpdateHeaders.assign(replicas, requireNonNull(target.updates()))) {
            HttpHeaders headers = new HttpHeaders();
            common.forEach(headers::addAll);
            update.forEach(headers::put);
            perNode.add(headers);
        }
        FanOutRequest fanOut = new FanOutRequest(target.ring(), target.partition(), method, target.path(), null,
                perNode, overrides);
        return requests.send(fanOut)
                .map(reply -> SwiftResponses.fromBackend(reply, request.exchange()));
    }
}
