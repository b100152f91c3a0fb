package io.ringway.proxy.object;

import static java.util.Objects.requireNonNull;

import io.ringway.api.error.GatewayException;
import io.ringway.api.swift.EdgeConstraints;
import io.ringway.backend.BackendBodyException;
import io.ringway.backend.ObjectPut;
import io.ringway.backend.ObjectPutRequest;
import io.ringway.backend.ObjectResponse;
import io.ringway.proxy.ProxyReply;
import io.ringway.proxy.ProxyRequest;
import io.ringway.swift.Timestamp;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;

/**
 * An object PUT, as Swift's {@code BaseObjectController.PUT}: {@code If-None-Match} other than
 * {@code *} is refused, a missing container gives 404, a missing (or to be detected) Content-Type
 * is guessed from the name, one {@code X-Timestamp} is fixed for every node,
 * {@code check_object_creation} and {@code check_content_type} run, {@code X-Delete-After}
 * becomes {@code X-Delete-At}, and {@link ObjectPut} streams the body to the replicas. The
 * client's body is not read before a quorum of object servers said {@code 100 Continue}, so a
 * client's own {@code Expect: 100-continue} is answered only then.
 */
final class ObjectWrites {

    private static final Logger LOG = LoggerFactory.getLogger(ObjectWrites.class);

    private final ObjectTargets targets;
    private final ObjectPut put;
    private final EdgeConstraints constraints;
    private final ObjectCreation creation;

    ObjectWrites(ObjectTargets targets, ObjectPut put, EdgeConstraints constraints, ContentTypes contentTypes) {
        this.targets = requireNonNull(targets, "targets");
        this.put = requireNonNull(put, "put");
        this.constraints = requireNonNull(constraints, "constraints");
        this.creation = new ObjectCreation(constraints, contentTypes);
    }

    Mono<ProxyReply> handle(ProxyRequest request) {
        HttpHeaders client = request.headers();
        try {
            ObjectCreation.checkIfNoneMatch(client);
        } catch (GatewayException e) {
            return Mono.error(e);
        }
        return targets.resolve(request)
                .flatMap(target -> {
                    if (target.updates() == null) {
                        return Mono.error(GatewayException.status(404));
                    }
                    String object = Objects.requireNonNull(request.path().object(), "object");
                    Timestamp timestamp = NodeHeaders.ensureTimestamp(client);
                    HttpHeaders changes = creation.check(client, object, timestamp.raw() / 100_000.0);
                    changes.set("X-Timestamp", timestamp.internal());
                    HttpHeaders nodes = NodeHeaders.of(request, changes);
                    nodes.remove("X-Delete-After");
                    nodes.remove("X-Detect-Content-Type");
                    ObjectPutRequest store = new ObjectPutRequest(target.ring(), target.policyIndex(), target.name(),
                            nodes, request.bodyLength(), target.updates(),
                            BodyLimit.atMost(request.body(), constraints.limits().maxFileSize()),
                            // Host, Expect and the other framing headers do not reach the nodes' headers.
                            "100-continue".equalsIgnoreCase(client.getFirst(HttpHeaders.EXPECT)));
                    return put.put(store)
                            .map(response -> reply(request, response, timestamp))
                            .onErrorMap(e -> !(e instanceof GatewayException), ObjectWrites::bodyFailure);
                });
    }

    private static ProxyReply reply(ProxyRequest request, ObjectResponse response, Timestamp timestamp) {
        int status = response.status();
        if (status < 200 || status >= 300) {
            ProxyReply standard = ProxyReply.standard(status, request.exchange());
            // Swift dates the answers best_response makes (a 422...), not the 412 or 503 raised before the body.
            if (status != 412 && status != 503) {
                standard.headers().set(HttpHeaders.LAST_MODIFIED, HttpDates.lastModified(timestamp));
            }
            return standard;
        }
        HttpHeaders headers = new HttpHeaders();
        String etag = response.headers().getFirst(HttpHeaders.ETAG);
        if (etag != null) {
            headers.set(HttpHeaders.ETAG, etag.replace("\"", ""));
        }
        headers.set(HttpHeaders.LAST_MODIFIED, HttpDates.lastModified(timestamp));
        headers.set(HttpHeaders.CONTENT_TYPE, "text/html; charset=UTF-8");
        return ProxyReply.text(response.status(), headers, "", request.exchange());
    }

    /**
     * A body that did not get through: 503 when the PUT lost its quorum of object servers mid-body
     * (Swift's {@code _send_file}), else the client's body failed, which Swift answers 499
     * ({@code ChunkReadError}: the client went away). Either way no object server keeps the upload.
     */
    private static GatewayException bodyFailure(Throwable failure) {
        if (failure instanceof BackendBodyException) {
            LOG.error("ERROR Object PUT: {}", failure.getMessage());
            return GatewayException.status(503);
        }
        LOG.warn("ERROR Client disconnected without sending enough data: {}", failure.toString());
        return GatewayException.status(499);
    }
}
