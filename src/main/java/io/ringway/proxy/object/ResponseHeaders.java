package io.ringway.proxy.object;

import io.ringway.backend.ObjectResponse;
import io.ringway.proxy.SwiftResponses;
import org.springframework.http.HttpHeaders;

/**
 * The headers a client gets from a storage node's answer, as Swift's proxy builds them: base.py's
 * {@code update_headers} (ETag unquoted; {@code Date}, {@code Content-Length},
 * {@code Content-Type}, {@code X-Put-Timestamp}, {@code X-Delete-After} not copied), then for an
 * object source {@code Accept-Ranges: bytes}, the node's {@code Content-Length} and its
 * {@code Content-Type} without Swift's {@code swift_bytes} parameter. Backend-only headers
 * ({@code X-Backend-*}, which the gatekeeper removes as well) and hop-by-hop ones never pass.
 */
final class ResponseHeaders {

    private ResponseHeaders() {
    }

    /** Swift's {@code update_headers(response, backend)}, without the backend-only headers. */
    static void update(HttpHeaders response, HttpHeaders backend) {
        SwiftResponses.updateHeaders(response, backend, true);
    }

    /** The headers of a GET or HEAD answered by a source ({@code GETorHEAD_base}'s good response). */
    static HttpHeaders ofSource(ObjectResponse source) {
        HttpHeaders headers = new HttpHeaders();
        update(headers, source.headers());
        headers.set(HttpHeaders.ACCEPT_RANGES, "bytes");
        String length = source.headers().getFirst(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            headers.set(HttpHeaders.CONTENT_LENGTH, length);
        }
        String type = source.headers().getFirst(HttpHeaders.CONTENT_TYPE);
        if (type != null) {
            headers.set(HttpHeaders.CONTENT_TYPE, cleanContentType(type));
        }
        return headers;
    }

    /** Swift's {@code clean_content_type}: drops a last {@code swift_bytes=} parameter (SLO's real size). */
    static String cleanContentType(String value) {
        int semicolon = value.lastIndexOf(';');
        if (semicolon < 0) {
            return value;
        }
        if (value.substring(semicolon + 1).strip().startsWith("swift_bytes=")) {
            return value.substring(0, semicolon);
        }
        return value;
    }
}
