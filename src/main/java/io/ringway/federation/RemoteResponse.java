package io.ringway.federation;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A target's answer whose headers arrived and whose body is still on the connection (or, for an
 * answer the gateway made in the target's name, such as a translated listing, in memory). Whoever
 * holds one reads its {@link #body()} to the end, {@link #drain()}s it, or {@link #dispose()}s it;
 * each of those ends the request's hold on the target (its bulkhead permit) exactly once.
 */
public final class RemoteResponse {

    private static final NettyDataBufferFactory BUFFERS = new NettyDataBufferFactory(ByteBufAllocator.DEFAULT);

    private final int status;
    private final HttpHeaders headers;
    private final Body source;
    private final BodyObserver observer;
    private final AtomicBoolean done;

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

    /** Where the body comes from: the target's connection, or memory. */
    public interface Body {

        /** The body as it arrives; each buffer belongs to the subscriber, who releases it. */
        Flux<DataBuffer> read();

        /** Reads and drops the body, so that its connection can be used again. */
        Mono<Void> drain();

        /** Drops the body unread: its connection is closed. */
        void close();
    }

    private RemoteResponse(int status, HttpHeaders headers, Body source, BodyObserver observer, AtomicBoolean done) {
        this.status = status;
        this.headers = requireNonNull(headers, "headers");
        this.source = requireNonNull(source, "source");
        this.observer = requireNonNull(observer, "observer");
        this.done = done;
    }

    /** An answer whose body is still on the target's connection, read by {@code body}. */
    public static RemoteResponse streaming(int status, HttpHeaders headers, Body body) {
        return new RemoteResponse(status, headers, body, BodyObserver.NONE, new AtomicBoolean());
    }

    /** An answer made by the gateway in the target's name, with {@code body} (may be empty). */
    public static RemoteResponse made(int status, HttpHeaders headers, byte[] body) {
        return new RemoteResponse(status, headers, new BytesBody(body), BodyObserver.NONE, new AtomicBoolean());
    }

    public int status() {
        return status;
    }

    public HttpHeaders headers() {
        return headers;
    }

    /**
     * The same body under another status and headers (a target's answer said in Swift's terms);
     * this answer must not be used after.
     */
    public RemoteResponse as(int status, HttpHeaders headers) {
        return new RemoteResponse(status, headers, source, observer, done);
    }

    /**
     * The body as it arrives; each buffer belongs to the subscriber, who releases it. A stall of
     * the target's {@code responseTimeout} while the subscriber wants more fails it.
     */
    public Flux<DataBuffer> body() {
        return source.read()
                .doOnNext(buffer -> observer.received(buffer.readableByteCount()))
                .doOnError(observer::failed)
                .doFinally(signal -> finish());
    }

    /** Reads and drops the body so the connection can be used again; closes it on failure. */
    public Mono<Void> drain() {
        return source.drain().doFinally(signal -> finish());
    }

    /** The same answer, its body watched by {@code observer}. */
    RemoteResponse observedBy(BodyObserver observer) {
        return new RemoteResponse(status, headers, source, observer, done);
    }

    /** Closes the connection (a body not read to its end must not go back to the pool). */
    public void dispose() {
        source.close();
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

    private record BytesBody(byte[] bytes) implements Body {

        @Override
        public Flux<DataBuffer> read() {
            return bytes.length == 0 ? Flux.empty() : Flux.defer(() -> Flux.just(BUFFERS.wrap(Unpooled.wrappedBuffer(bytes))));
        }

        @Override
        public Mono<Void> drain() {
            return Mono.empty();
        }

        @Override
        public void close() {
        }
    }
}
