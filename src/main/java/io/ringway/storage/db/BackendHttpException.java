package io.ringway.storage.db;

import io.ringway.swift.SwiftStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * An answer decided deep in request handling, as Swift raises {@code HTTPBadRequest(...)} from
 * helpers: the server catches it and answers with its status, body and headers.
 */
public final class BackendHttpException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final String HTML = "text/html; charset=UTF-8";

    private final int status;
    private final @Nullable String body;
    private final String contentType;
    private final Map<String, String> headers;

    /** Swift's {@code HTTPxxx(body)}: the body is served as {@code text/html; charset=UTF-8}. */
    public BackendHttpException(int status, @Nullable String body) {
        this(status, body, HTML, Map.of());
    }

    private BackendHttpException(int status, @Nullable String body, String contentType, Map<String, String> headers) {
        super(status + " " + (body == null ? "" : body), null, false, false);
        this.status = status;
        this.body = body;
        this.contentType = contentType;
        this.headers = new LinkedHashMap<>(headers);
    }

    /** Swift's {@code HTTPxxx(body=..., content_type='text/plain')}. */
    public static BackendHttpException plain(int status, String body) {
        return new BackendHttpException(status, body, "text/plain", Map.of());
    }

    /** Swift's default body for the status, with extra headers. */
    public static BackendHttpException withHeaders(int status, Map<String, String> headers) {
        return new BackendHttpException(status, null, HTML, headers);
    }

    /** A body (Swift's default when {@code null}) with extra headers. */
    public static BackendHttpException withHeaders(int status, Map<String, String> headers, @Nullable String body) {
        return new BackendHttpException(status, body, HTML, headers);
    }

    /**
     * Swift's account {@code _deleted_response}: the given body (often empty) as
     * {@code text/html; charset=utf-8}, with extra headers.
     */
    public static BackendHttpException charsetUtf8(int status, Map<String, String> headers, String body) {
        return new BackendHttpException(status, body, "text/html; charset=utf-8", headers);
    }

    public int status() {
        return status;
    }

    public Mono<ServerResponse> toResponse() {
        String text = body == null ? SwiftStatus.defaultBody(status) : body;
        ServerResponse.BodyBuilder builder = ServerResponse.status(HttpStatusCode.valueOf(status))
                .header("Content-Type", contentType)
                .headers(h -> headers.forEach(h::set));
        return text.isEmpty() ? builder.build() : builder.bodyValue(text);
    }
}
