package io.ringway.middleware;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The answer to a {@link Subrequest}: status and headers as the rest of the pipeline set them,
 * and a body that still streams from where it came from (a storage node's connection). The body
 * is taken once: {@link #body()} hands it over (whoever subscribes releases its buffers), or
 * {@link #release()} closes it unread, as Swift's {@code close_if_possible(app_iter)}. Until one
 * of them happens the subrequest is still running and may hold a connection.
 */
public final class SubResponse {

    private final int status;
    private final HttpHeaders headers;
    private final Flux<DataBuffer> body;
    private final AtomicBoolean taken = new AtomicBoolean();

    SubResponse(int status, HttpHeaders headers, Flux<DataBuffer> body) {
        this.status = status;
        this.headers = HttpHeaders.readOnlyHttpHeaders(requireNonNull(headers, "headers"));
        this.body = requireNonNull(body, "body");
    }

    public int status() {
        return status;
    }

    /** The response headers (read-only). */
    public HttpHeaders headers() {
        return headers;
    }

    /** Swift's {@code is_success}: a 2xx status. */
    public boolean successful() {
        return status >= 200 && status < 300;
    }

    /**
     * The body, to be subscribed once: its subscriber owns every buffer it gets.
     *
     * @throws IllegalStateException when the body was already taken or released
     */
    public Flux<DataBuffer> body() {
        if (!taken.compareAndSet(false, true)) {
            throw new IllegalStateException("the body of a subresponse is taken once");
        }
        return body;
    }

    /**
     * Closes the body unread (nothing when it was taken): subscribes and cancels at once, so that
     * the connection behind it is let go and buffers the source already holds are released.
     */
    public Mono<Void> release() {
        return Mono.defer(() -> {
            if (!taken.compareAndSet(false, true)) {
                return Mono.empty();
            }
            return BodyCloser.close(body);
        });
    }

    /** Sends this answer to the client of {@code exchange} (Swift's {@code return source_resp}). */
    public Mono<Void> relay(ServerWebExchange exchange) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatusCode.valueOf(status));
        response.getHeaders().putAll(headers);
        return response.writeWith(body());
    }

    @Override
    public String toString() {
        return "SubResponse[" + status + "]";
    }
}
