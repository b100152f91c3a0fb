package io.ringway.proxy.federation;

import static java.util.Objects.requireNonNull;

import io.ringway.api.error.GatewayException;
import io.ringway.federation.RemoteRequest;
import io.ringway.federation.RemoteResponse;
import io.ringway.federation.TargetUnavailableException;
import io.ringway.federation.Targets;
import io.ringway.policy.FederatedPolicy;
import io.ringway.proxy.BackendHeaders;
import io.ringway.proxy.ProxyReply;
import io.ringway.proxy.ProxyRequest;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sends a client's container or object request to the target of its federated policy and makes
 * the answer Swift's: a 2xx or 3xx answer with its headers and streaming body (without the
 * target's connection and transaction headers, and with the local policy's name); any other
 * answer as Swift's own body for its status, the target's never shown. A target that refuses our
 * credentials (401, 403) or fails (5xx), or cannot answer at all, gives 503.
 */
final class Forwarding {

    private static final Logger LOG = LoggerFactory.getLogger(Forwarding.class);

    /**
     * The client's credentials and what the gateway sets itself: never sent to a target (the
     * headers of the client's connection are not either, as to storage nodes).
     */
    private static final List<String> REQUEST_DROPPED = List.of("proxy-authorization", "x-auth-token",
            "x-storage-token", "x-service-token", "authorization", "cookie", "x-trans-id", "x-timestamp");
    /** The target's connection and transaction: the client gets the gateway's. */
    private static final Set<String> RESPONSE_DROPPED = Set.of("connection", "keep-alive", "transfer-encoding",
            "te", "trailer", "upgrade", "proxy-connection", "set-cookie", "x-trans-id", "x-openstack-request-id",
            "date", "server");
    /** Kept on an error answer: what Swift's own error answers carry. */
    private static final Set<String> ERROR_KEPT = Set.of("content-range", "etag", "last-modified", "accept-ranges");

    /** A resumed GET asks for the same object by its ETag: the client's other conditions held already. */
    private static final List<String> CONDITIONS = List.of(HttpHeaders.IF_NONE_MATCH, HttpHeaders.IF_MODIFIED_SINCE,
            HttpHeaders.IF_UNMODIFIED_SINCE);

    private final Targets targets;

    Forwarding(Targets targets) {
        this.targets = requireNonNull(targets, "targets");
    }

    /**
     * Forwards {@code request} as it is (its body too, with {@code withBody}), the client's headers
     * changed by {@code edit}; the reply as the class comment says.
     */
    Mono<ProxyReply> forward(ProxyRequest request, FederatedPolicy policy, boolean withBody,
            Consumer<HttpHeaders> edit) {
        request.context().policy(policy.name());
        return send(request, policy, withBody, edit).flatMap(response -> reply(request, policy, response));
    }

    /** An edit of the forwarded headers that removes {@code names} (lower case). */
    static Consumer<HttpHeaders> without(List<String> names) {
        return headers -> names.forEach(headers::remove);
    }

    /** Sends {@code request} to the target; the raw answer (503 when there is none). */
    Mono<RemoteResponse> send(ProxyRequest request, FederatedPolicy policy, boolean withBody,
            Consumer<HttpHeaders> edit) {
        return Mono.defer(() -> {
            HttpHeaders headers = requestHeaders(request.headers());
            edit.accept(headers);
            RemoteRequest remote = new RemoteRequest(HttpMethod.valueOf(request.method()), request.path().account(),
                    Objects.requireNonNull(request.path().container(), "container"), request.path().object(),
                    request.rawQuery(), headers, withBody ? request.body() : null,
                    withBody ? request.bodyLength() : -1);
            return targets.of(policy).exchange(remote);
        }).onErrorMap(TargetUnavailableException.class, e -> {
            LOG.error("ERROR {}", e.getMessage());
            return GatewayException.status(503);
        });
    }

    /** The answer as the client gets it. */
    Mono<ProxyReply> reply(ProxyRequest request, FederatedPolicy policy, RemoteResponse response) {
        int status = response.status();
        HttpHeaders headers = responseHeaders(response.headers(), policy);
        if (status >= 200 && status < 400) {
            return Mono.just(new ProxyReply(status, headers, body(request, policy, response)));
        }
        int answered = statusFor(status);
        if (answered != status && status < 500) {
            LOG.error("ERROR target {} refused the gateway's credentials: {} for {} {}", policy.target(), status,
                    request.method(), request.exchange().getRequest().getPath().value());
        }
        HttpHeaders kept = new HttpHeaders();
        headers.forEach((name, values) -> {
            if (ERROR_KEPT.contains(name.toLowerCase(Locale.ROOT))) {
                kept.put(name, values);
            }
        });
        return response.drain().then(Mono.fromSupplier(() -> {
            // The object server's failed precondition has an empty body, as Swift's proxy passes it on.
            if (answered == 412 && request.path().object() != null) {
                kept.set(HttpHeaders.CONTENT_TYPE, GatewayException.HTML_UTF8);
                return ProxyReply.text(412, kept, "", request.exchange());
            }
            ProxyReply standard = ProxyReply.standard(answered, request.exchange());
            standard.headers().addAll(kept);
            return standard;
        }));
    }

    /** The answer's body; an object's (GET 200 or 206) resumes from the target when it breaks. */
    private Flux<DataBuffer> body(ProxyRequest request, FederatedPolicy policy, RemoteResponse response) {
        boolean objectBytes = (response.status() == 200 || response.status() == 206)
                && request.path().object() != null && request.method().equals("GET");
        if (!objectBytes) {
            return response.body();
        }
        return ResumingBody.of(response, request.headers().getFirst(HttpHeaders.RANGE),
                (range, etag) -> send(request, policy, false, headers -> {
                    headers.set(HttpHeaders.RANGE, range);
                    headers.set(HttpHeaders.IF_MATCH, etag);
                    CONDITIONS.forEach(headers::remove);
                }), request.method() + " " + request.exchange().getRequest().getPath().value());
    }

    /**
     * The client's status for a target's error status: 503 for a refusal of our credentials
     * (401, 403, 407: not the client's fault) and for the target's failures (5xx), else the same.
     */
    static int statusFor(int targetStatus) {
        return switch (targetStatus) {
            case 401, 403, 407 -> 503;
            default -> targetStatus >= 500 ? 503 : targetStatus;
        };
    }

    /** The client's headers a target gets: not those of the client's connection, nor its credentials. */
    static HttpHeaders requestHeaders(HttpHeaders client) {
        HttpHeaders headers = BackendHeaders.clientHeaders(client);
        REQUEST_DROPPED.forEach(headers::remove);
        return headers;
    }

    /** The target's answer headers the client gets: not the target's connection, transaction or date. */
    static HttpHeaders responseHeaders(HttpHeaders remote, FederatedPolicy policy) {
        HttpHeaders headers = new HttpHeaders();
        remote.forEach((name, values) -> {
            if (!RESPONSE_DROPPED.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name, values);
            }
        });
        if (headers.containsHeader("X-Storage-Policy")) {
            headers.set("X-Storage-Policy", policy.name());
        }
        return headers;
    }

}
