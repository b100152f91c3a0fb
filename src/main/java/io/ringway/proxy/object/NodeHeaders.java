package io.ringway.proxy.object;

import io.ringway.api.error.GatewayException;
import io.ringway.proxy.BackendHeaders;
import io.ringway.proxy.ProxyRequest;
import io.ringway.swift.Timestamp;
import org.springframework.http.HttpHeaders;

/**
 * The headers an object request sends to the object servers: Swift's
 * {@code generate_request_headers(req, additional=req.headers)}, that is every client header
 * (after the stages before the app) plus the request's {@code X-Timestamp}, transaction id, user
 * agent and referer. The client connection's own framing ({@code Host}, {@code Content-Length},
 * {@code Transfer-Encoding}, {@code Expect}, {@code Connection}...) stays behind: each backend
 * request has its own.
 */
final class NodeHeaders {

    private NodeHeaders() {
    }

    /** The client's headers with {@code changes} applied over them, then the required ones. */
    static HttpHeaders of(ProxyRequest request, HttpHeaders changes) {
        HttpHeaders additional = BackendHeaders.clientHeaders(request.headers());
        changes.forEach(additional::put);
        return BackendHeaders.generate(request, additional, BackendHeaders.Transfer.NONE);
    }

    /**
     * Swift's {@code ensure_x_timestamp}: the request's {@code X-Timestamp} in internal form (a
     * client's one only reaches here when the gatekeeper lets it), else now; generated once per
     * request so that every node stores the same one.
     */
    static Timestamp ensureTimestamp(HttpHeaders client) {
        String given = client.getFirst("X-Timestamp");
        if (given == null) {
            return Timestamp.now();
        }
        Timestamp parsed = Timestamp.parseOrNull(given);
        if (parsed == null) {
            throw GatewayException.plain(400, "X-Timestamp should be a UNIX timestamp float value; was '" + given
                    + "'", null);
        }
        return parsed;
    }
}
