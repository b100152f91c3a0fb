package io.ringway.api.error;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * An error answer for the client: a status, optionally a body of its own (Swift's default body
 * for the status otherwise) and extra headers. Raised as {@code Mono.error(...)}; the gateway's
 * exception handler renders it, so stages and handlers never write error responses themselves.
 */
public final class GatewayException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Swift's content type for error bodies (swob's default). */
    public static final String HTML_UTF8 = "text/html; charset=UTF-8";

    private final int status;
    private final @Nullable String body;
    private final String contentType;
    private final transient HttpHeaders headers;

    /**
     * An error answer.
     *
     * @param status the HTTP status
     * @param body the body, or {@code null} for Swift's default body of the status
     * @param contentType the body's content type
     * @param headers extra response headers (copied)
     * @param cause what went wrong, for the logs only (never shown to the client)
     */
    public GatewayException(int status, @Nullable String body, String contentType, HttpHeaders headers,
            @Nullable Throwable cause) {
        super(status + (body == null ? "" : " " + body), cause);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status: " + status + " (expected: 400..599)");
        }
        this.status = status;
        this.body = body;
        this.contentType = requireNonNull(contentType, "contentType");
        this.headers = HttpHeaders.copyOf(requireNonNull(headers, "headers"));
    }

    /** The status with Swift's default body: {@code <html><h1>Not Found</h1>...}. */
    public static GatewayException status(int status) {
        return new GatewayException(status, null, HTML_UTF8, HttpHeaders.EMPTY, null);
    }

    /** The status with this body, as Swift's {@code HTTPBadRequest(body=...)} (HTML content type). */
    public static GatewayException withBody(int status, String body) {
        return new GatewayException(status, body, HTML_UTF8, HttpHeaders.EMPTY, null);
    }

    /** The status with a {@code text/plain} body. */
    public static GatewayException plain(int status, String body, @Nullable Throwable cause) {
        return new GatewayException(status, body, "text/plain", HttpHeaders.EMPTY, cause);
    }

    public int status() {
        return status;
    }

    /** The body of its own, or {@code null} for Swift's default body of the status. */
    public @Nullable String body() {
        return body;
    }

    public String contentType() {
        return contentType;
    }

    /** Extra response headers (read-only). */
    public HttpHeaders headers() {
        return HttpHeaders.readOnlyHttpHeaders(headers);
    }
}
