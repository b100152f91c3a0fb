package io.ringway.federation;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Flux;

/**
 * A request for a local account's container or object, to be answered by a target.
 *
 * @param method the method
 * @param account the local account
 * @param container the local container
 * @param object the object, or null for a container request
 * @param rawQuery the query string, still percent-encoded, or null
 * @param headers the headers to pass on: the client's, without its credentials and connection headers
 * @param body the body to send, or null for none; its buffers are released once sent
 * @param contentLength the body's length, or -1 when unknown (sent chunked)
 */
public record RemoteRequest(HttpMethod method, String account, String container, @Nullable String object,
        @Nullable String rawQuery, HttpHeaders headers, @Nullable Flux<DataBuffer> body, long contentLength) {

    public RemoteRequest {
        requireNonNull(method, "method");
        requireNonNull(account, "account");
        requireNonNull(container, "container");
        requireNonNull(headers, "headers");
    }

    /** Whether it can be sent again as it is: it has no body to send twice. */
    public boolean bodiless() {
        return body == null;
    }

    /** Whether sending it again after a failure where it may have arrived does no harm (GET, HEAD, DELETE without body). */
    public boolean idempotent() {
        return bodiless() && (method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD)
                || method.equals(HttpMethod.DELETE));
    }

    /** What logs call it. */
    public String describe() {
        return method.name() + " /" + account + "/" + container + (object != null ? "/" + object : "");
    }
}
