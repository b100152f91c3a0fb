package io.ringway.storage.object;

import java.util.Map;

/**
 * A request the object server answers with an error status, as Swift raises an
 * {@code HTTPException}: the status, the body ({@code null} body text means swob's default body)
 * and extra headers such as {@code X-Backend-Timestamp}.
 */
final class ObjectRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Map<String, String> headers;
    private final boolean plainText;

    private ObjectRequestException(int status, String body, boolean plainText, Map<String, String> headers) {
        super(body, null, false, false);
        this.status = status;
        this.plainText = plainText;
        this.headers = Map.copyOf(headers);
    }

    /** swob's {@code HTTPBadRequest(body=..., content_type='text/plain')} and kin. */
    static ObjectRequestException plain(int status, String body) {
        return new ObjectRequestException(status, body, true, Map.of());
    }

    /** swob's {@code HTTPBadRequest(body=...)} without a content type: the text in a {@code text/html} answer. */
    static ObjectRequestException withHtml(int status, String body) {
        return new ObjectRequestException(status, body, false, Map.of());
    }

    /** An error with swob's default HTML body for the status. */
    static ObjectRequestException of(int status) {
        return new ObjectRequestException(status, "", false, Map.of());
    }

    static ObjectRequestException of(int status, Map<String, String> headers) {
        return new ObjectRequestException(status, "", false, headers);
    }

    int status() {
        return status;
    }

    /** The body text; empty for swob's default body. */
    String body() {
        return getMessage() == null ? "" : getMessage();
    }

    boolean plainText() {
        return plainText;
    }

    Map<String, String> headers() {
        return headers;
    }
}
