package io.ringway.proxy;

import io.ringway.api.error.GatewayException;
import io.ringway.backend.BackendReply;
import io.ringway.backend.DatabaseResponse;
import io.ringway.policy.StoragePolicies;
import io.ringway.policy.StoragePolicy;
import io.ringway.swift.SwiftStatus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.server.ServerWebExchange;

/**
 * The client's answer made of storage nodes' answers, as Swift's proxy makes them: headers
 * copied by {@code update_headers}, a {@code best_response} with swob's
 * {@code text/html; charset=UTF-8} and the node's body, and a GET/HEAD source answer as
 * {@code get_working_response} (node's {@code Content-Type} and {@code Content-Length},
 * {@code Accept-Ranges: bytes}, {@code X-Storage-Policy} named after the policy index).
 */
public final class SwiftResponses {

    /**
     * Swift's default {@code swift_owner_headers}: shown to and accepted from the account's
     * owner only.
     */
    public static final List<String> OWNER_HEADERS = List.of("x-container-read", "x-container-write",
            "x-container-sync-key", "x-container-sync-to", "x-account-meta-temp-url-key",
            "x-account-meta-temp-url-key-2", "x-container-meta-temp-url-key", "x-container-meta-temp-url-key-2",
            "x-account-access-control");

    /** What {@code update_headers} leaves out (the proxy sets them itself), plus hop-by-hop headers. */
    private static final Set<String> NOT_COPIED = Set.of("date", "content-length", "content-type", "connection",
            "x-put-timestamp", "x-delete-after", "transfer-encoding", "keep-alive");

    private SwiftResponses() {
    }

    /** Swift's {@code update_headers}: the node's headers but a few, ETag without quotes. */
    public static HttpHeaders updateHeaders(HttpHeaders from) {
        HttpHeaders to = new HttpHeaders();
        updateHeaders(to, from, false);
        return to;
    }

    /**
     * {@code update_headers(to, from)}, leaving out the backend-only {@code X-Backend-*} headers
     * too when {@code withoutBackendHeaders}: one pass, one lower-casing per name.
     */
    public static void updateHeaders(HttpHeaders to, HttpHeaders from, boolean withoutBackendHeaders) {
        from.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("etag")) {
                to.put(name, values.stream().map(v -> v.replace("\"", "")).toList());
            } else if (!NOT_COPIED.contains(lower) && !(withoutBackendHeaders && lower.startsWith("x-backend-"))) {
                to.put(name, values);
            }
        });
    }

    /** The {@code best_response} of a write ({@code make_requests}): the chosen node's status, headers and body. */
    public static ProxyReply fromBackend(BackendReply reply, ServerWebExchange exchange) {
        return bestResponse(reply.status(), reply.headers(), reply.body(), exchange);
    }

    /**
     * The answer to an account or container GET or HEAD ({@code GETorHEAD_base}): the source's
     * body streams; {@code X-Backend-Storage-Policy-Index} of a 2xx is named in
     * {@code X-Storage-Policy}.
     */
    public static ProxyReply fromDatabase(DatabaseResponse response, StoragePolicies policies,
            ServerWebExchange exchange) {
        ProxyReply reply;
        if (response.fromSource()) {
            HttpHeaders headers = updateHeaders(response.headers());
            headers.set(HttpHeaders.ACCEPT_RANGES, "bytes");
            String length = response.headers().getFirst(HttpHeaders.CONTENT_LENGTH);
            if (length != null) {
                headers.set(HttpHeaders.CONTENT_LENGTH, length);
            } else if (HttpMethod.HEAD.equals(exchange.getRequest().getMethod())) {
                // Swift's nodes always send one (eventlet adds "0" to a HEAD); listing_formats needs it.
                headers.set(HttpHeaders.CONTENT_LENGTH, "0");
            }
            String type = response.headers().getFirst(HttpHeaders.CONTENT_TYPE);
            headers.set(HttpHeaders.CONTENT_TYPE, type == null ? GatewayException.HTML_UTF8 : type);
            reply = new ProxyReply(response.status(), headers, response.body());
        } else {
            reply = bestResponse(response.status(), response.headers(), response.errorBody(), exchange);
        }
        String index = reply.headers().getFirst("X-Backend-Storage-Policy-Index");
        if (index != null && reply.status() >= 200 && reply.status() < 300) {
            policyName(policies, index).ifPresent(name -> reply.headers().set("X-Storage-Policy", name));
        }
        return reply;
    }

    /** Removes {@link #OWNER_HEADERS} (Swift does so for requests and answers of non-owners). */
    public static void removeOwnerHeaders(HttpHeaders headers) {
        OWNER_HEADERS.forEach(headers::remove);
    }

    private static Optional<String> policyName(StoragePolicies policies, String index) {
        try {
            return policies.byIndex(Integer.parseInt(index.strip())).map(StoragePolicy::name);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static ProxyReply bestResponse(int status, HttpHeaders nodeHeaders, byte[] body,
            ServerWebExchange exchange) {
        HttpHeaders headers = updateHeaders(nodeHeaders);
        headers.set(HttpHeaders.CONTENT_TYPE, GatewayException.HTML_UTF8);
        byte[] bytes = body;
        if (body.length == 0 && status == 503 && nodeHeaders.isEmpty()) {
            // Made up here (no node answered): swob's HTTPServiceUnavailable.
            bytes = SwiftStatus.defaultBody(503).getBytes(StandardCharsets.UTF_8);
        }
        return ProxyReply.bytes(status, headers, bytes, exchange);
    }
}
