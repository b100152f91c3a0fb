package io.ringway.federation;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBufAllocator;
import io.ringway.backend.DemandedTimeout;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.netty.Connection;

/**
 * A target's answer whose headers arrived and whose body is still on the connection. Whoever
 * holds one reads its {@link #body()} to the end, {@link #drain()}s it, or {@link #dispose()}s it;
 * each of those ends the request's hold on the target (its bulkhead permit) exactly once.
 */
public final class RemoteResponse {

    private static final NettyDataBufferFactory BUFFERS = new NettyDataBufferFactory(ByteBufAllocator.DEFAULT);

    private final int status;
    private final HttpHeaders headers;
    private final Connection connection;
    private final Duration stallTimeout;
    private final Scheduler timers;
    private final BodyObserver observer;
    private final AtomicBoolean done = new AtomicBoolean();

    /** What the guard of a target learns of a body: its bytes, its failure, its end (any end, once). */
    interface BodyObserver {

        BodyObserver NONE = new BodyObserver() {
        };

        default void received(long bytes) {
        }

        default void failed(Throwable failure) {
        }

        default void done() {
        }
    }

    RemoteResponse(int status, HttpHeaders headers, Connection connection, Duration stallTimeout, Scheduler timers,
            BodyObserver observer) {
        this.status = status;
        this.headers = requireNonNull(headers, "headers");
        this.connection = requireNonNull(connection, "connection");
        this.stallTimeout = requireNonNull(stallTimeout, "stallTimeout");
        this.timers = requireNonNull(timers, "timers");
        this.observer = requireNonNull(observer, "observer");
    }

    public int status() {
        return status;
    }

    public HttpHeaders headers() {
        return headers;
    }

    /**
     * The body as it arrives; each buffer belongs to the subscriber, who releases it. A stall of
     * the target's {@code responseTimeout} while the subscriber wants more fails it.
     */
    public Flux<DataBuffer> body() {
        Flux<DataBuffer> received = connection.inbound()
                .receive()
                .retain()
                .map(BUFFERS::wrap);
        return DemandedTimeout.apply(received, stallTimeout, timers)
                .doOnNext(buffer -> observer.received(buffer.readableByteCount()))
                .doOnError(e -> {
                    connection.dispose();
                    observer.failed(e);
                })
                .doFinally(signal -> finish());
    }

    /** Reads and drops the body so the connection can be used again; closes it on failure. */
    public Mono<Void> drain() {
        return DemandedTimeout.apply(connection.inbound().receive(), stallTimeout, timers)
                .then()
                .doOnError(e -> connection.dispose())
                .onErrorResume(e -> Mono.empty())
                .doFinally(signal -> finish());
    }

    /** The same answer, its body watched by {@code observer}. */
    RemoteResponse observedBy(BodyObserver observer) {
        return new RemoteResponse(status, headers, connection, stallTimeout, timers, observer);
    }

    /** Closes the connection (a body not read to its end must not go back to the pool). */
    public void dispose() {
        connection.dispose();
        finish();
    }

    private void finish() {
        if (done.compareAndSet(false, true)) {
            observer.done();
        }
    }

    @Override
    public String toString() {
        return status + " " + headers.getFirst(HttpHeaders.CONTENT_TYPE);
    }
}
