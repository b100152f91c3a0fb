package io.ringway.backend;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Swift's {@code ChunkReadTimeout} around each read of a node's body: the time a node may take to
 * send the next chunk counts only while the client wants more (downstream demand is pending). A
 * client that pauses reading stops the proxy's reads, and so its clock, in Swift; a plain
 * {@code Flux.timeout} would count that pause against the node, record a node error and resume
 * elsewhere for nothing (found by the real-cluster tier).
 *
 * <p>The clock ticks {@value #TICKS} times per timeout and fires after {@value #TICKS} ticks with
 * demand pending since the last item, so it is exact when demand never lapses and otherwise
 * forgives pauses at a tenth of the timeout's resolution. Ticks run on the parallel scheduler, as
 * {@code Flux.timeout(Duration)}'s do.
 */
final class DemandedTimeout {

    private static final int TICKS = 10;

    private DemandedTimeout() {
    }

    /** {@code source}, failing with a {@code TimeoutException} after {@code timeout} of demanded silence. */
    static <T> Flux<T> apply(Flux<T> source, Duration timeout) {
        return Flux.defer(() -> {
            AtomicLong pending = new AtomicLong();
            Duration tick = timeout.dividedBy(TICKS);
            // Mono.delay, not Flux.interval: cancelling a periodic task may park (BlockHound).
            Flux<Long> expiry = Mono.delay(tick)
                    .repeat()
                    .filter(ignored -> pending.get() > 0)
                    .skip(TICKS - 1)
                    .take(1);
            return source
                    .timeout(expiry, item -> expiry)
                    .doOnNext(item -> pending.getAndUpdate(n -> n == Long.MAX_VALUE ? n : n - 1))
                    .doOnRequest(n -> pending.getAndUpdate(p -> p > Long.MAX_VALUE - n ? Long.MAX_VALUE : p + n));
        });
    }
}
