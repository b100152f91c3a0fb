package io.ringway.backend;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBufAllocator;
import io.ringway.ring.Node;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.netty.Connection;

/**
 * A storage node's response whose headers have arrived and whose body is still on the
 * connection. Whoever holds one either reads its {@link #body()} to the end (the connection then
 * goes back to the pool), {@link #drain(Duration)}s it, or {@link #dispose()}s it (the connection
 * is closed).
 */
final class BackendResponse {

    /** Such bodies are short messages; a misbehaving node cannot make the gateway hold more. */
    private static final int SMALL_BODY_LIMIT = 64 * 1024;

    private static final NettyDataBufferFactory BUFFERS = new NettyDataBufferFactory(ByteBufAllocator.DEFAULT);

    private final Node node;
    private final int status;
    private final HttpHeaders headers;
    private final Connection connection;
    private final Scheduler timers;

    BackendResponse(Node node, int status, HttpHeaders headers, Connection connection, Scheduler timers) {
        this.node = requireNonNull(node, "node");
        this.status = status;
        this.headers = requireNonNull(headers, "headers");
        this.connection = requireNonNull(connection, "connection");
        this.timers = requireNonNull(timers, "timers");
    }

    Node node() {
        return node;
    }

    int status() {
        return status;
    }

    HttpHeaders headers() {
        return headers;
    }

    /** The timers of the connection's event loop, where its body arrives. */
    Scheduler timers() {
        return timers;
    }

    /**
     * The body as it arrives. Reactor Netty releases each inbound buffer once {@code onNext}
     * returns, so each is retained here: the subscriber owns (and releases) every buffer it gets.
     */
    Flux<DataBuffer> body() {
        return connection.inbound()
                .receive()
                .retain()
                .map(BUFFERS::wrap);
    }

    /** Reads and drops the rest of the body so the connection can be reused; closes it on failure. */
    Mono<Void> drain(Duration timeout) {
        return connection.inbound()
                .receive()
                .then()
                .transform(Timeouts.within(timeout, timers))
                .doOnError(e -> dispose())
                .onErrorResume(e -> Mono.empty());
    }

    /**
     * The whole body, for the small bodies of answers other than object GETs (error messages,
     * listings' errors): at most 64 KiB are kept, the rest is read and dropped.
     */
    Mono<byte[]> smallBody(Duration timeout) {
        return connection.inbound()
                .receive()
                .reduceWith(ByteArrayOutputStream::new, (out, buf) -> {
                    int keep = Math.min(buf.readableBytes(), SMALL_BODY_LIMIT - out.size());
                    if (keep > 0) {
                        byte[] bytes = new byte[keep];
                        buf.getBytes(buf.readerIndex(), bytes);
                        out.writeBytes(bytes);
                    }
                    return out;
                })
                .map(ByteArrayOutputStream::toByteArray)
                .defaultIfEmpty(new byte[0])
                .transform(Timeouts.within(timeout, timers))
                .doOnError(e -> dispose());
    }

    /** Closes the connection (a body not read to its end must not go back to the pool). */
    void dispose() {
        connection.dispose();
    }

    @Override
    public String toString() {
        return status + " from " + BackendPaths.hostPort(node.device()) + "/" + node.device().device();
    }
}
