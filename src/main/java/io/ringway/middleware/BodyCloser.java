package io.ringway.middleware;

import org.reactivestreams.Subscription;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.PooledDataBuffer;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Closes a body nobody will read, as Swift's {@code close_if_possible(app_iter)}: subscribes and
 * cancels at once, so that the connection behind it is let go, with a discard hook so that
 * buffers a source already holds (a {@code Flux.just}) are released rather than dropped.
 */
final class BodyCloser extends BaseSubscriber<DataBuffer> {

    private BodyCloser() {
    }

    static Mono<Void> close(Flux<? extends DataBuffer> body) {
        return Mono.fromRunnable(() -> body
                .doOnDiscard(DataBuffer.class, BodyCloser::release)
                .subscribe(new BodyCloser()));
    }

    @Override
    protected void hookOnSubscribe(Subscription subscription) {
        subscription.cancel();
    }

    @Override
    protected void hookOnNext(DataBuffer buffer) {
        release(buffer);
    }

    @Override
    protected void hookOnError(Throwable error) {
        // The body was not wanted: how it ends does not matter.
    }

    // Not DataBufferUtils: its first use on an event loop reads jars, which BlockHound refuses in tests.
    private static void release(DataBuffer buffer) {
        if (buffer instanceof PooledDataBuffer pooled && pooled.isAllocated()) {
            pooled.release();
        }
    }
}
