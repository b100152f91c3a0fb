package io.ringway.middleware.catcherrors;

import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SynchronousSink;

/**
 * Swift's {@code enforce_byte_count}: a response that declares a {@code Content-Length} sends
 * exactly that many bytes. Too few, and the client would wait for the rest before sending its
 * next request on the connection; too many, and the surplus would be read as the start of the
 * next response (or deadlock a client still sending its request). Either way the body fails with
 * {@link BadResponseLengthException} after exactly the declared bytes at most, and the server
 * closes the connection (the response is committed by then).
 */
final class ContentLengthEnforcer extends ServerHttpResponseDecorator {

    ContentLengthEnforcer(ServerHttpResponse delegate) {
        super(delegate);
    }

    @Override
    public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
        long declared = declaredLength();
        if (declared < 0) {
            return super.writeWith(body);
        }
        AtomicLong left = new AtomicLong(declared);
        return super.writeWith(limit(Flux.from(body), declared, left)
                .concatWith(Mono.defer(() -> checkComplete(left))));
    }

    @Override
    public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
        long declared = declaredLength();
        if (declared < 0) {
            return super.writeAndFlushWith(body);
        }
        AtomicLong left = new AtomicLong(declared);
        return super.writeAndFlushWith(Flux.from(body)
                .map(chunk -> limit(Flux.from(chunk), declared, left))
                .concatWith(Mono.defer(() -> ContentLengthEnforcer.<Flux<DataBuffer>>checkComplete(left))));
    }

    /** The declared length, or -1 when there is none or the status has no body (204, 304). */
    private long declaredLength() {
        HttpStatusCode status = getStatusCode();
        if (status != null && (status.value() == 204 || status.value() == 304)) {
            return -1;
        }
        return getHeaders().getContentLength();
    }

    private static Flux<DataBuffer> limit(Flux<? extends DataBuffer> body, long declared, AtomicLong left) {
        return body.<DataBuffer>handle((buffer, sink) -> take(buffer, declared, left, sink))
                .doOnDiscard(DataBuffer.class, DataBufferUtils::release);
    }

    private static void take(DataBuffer buffer, long declared, AtomicLong left, SynchronousSink<DataBuffer> sink) {
        int size = buffer.readableByteCount();
        long remaining = left.get();
        if (size <= remaining) {
            left.set(remaining - size);
            sink.next(buffer);
            return;
        }
        // Send what was promised, as Swift truncates, then fail: the connection must close.
        DataBuffer promised = buffer.split(buffer.readPosition() + (int) remaining);
        DataBufferUtils.release(buffer);
        left.set(0);
        sink.next(promised);
        sink.error(new BadResponseLengthException("Too many bytes; truncating after " + declared
                + " bytes with at least " + (size - remaining) + " surplus bytes remaining"));
    }

    private static <T> Mono<T> checkComplete(AtomicLong left) {
        long remaining = left.get();
        if (remaining == 0) {
            return Mono.empty();
        }
        return Mono.error(new BadResponseLengthException("Expected another " + remaining + " bytes"));
    }

    /** A body that does not match its {@code Content-Length}: a bug in whatever produced it. */
    static final class BadResponseLengthException extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        BadResponseLengthException(String message) {
            super(message);
        }
    }
}
