package io.ringway.backend;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * {@code Mono.timeout} for the per-request timeouts of storage-node requests.
 * {@code Mono.timeout(Duration, Scheduler)} names the operator chain in its description at every
 * subscription ({@code Scannable.name()} walks the chain): 2 to 3 % of a small GET's or PUT's
 * CPU. A timeout given as a {@code Mono.delay} with its own error does not.
 */
public final class Timeouts {

    private Timeouts() {
    }

    /** Fails the source with a {@link TimeoutException} unless it signals within {@code timeout} on {@code timers}. */
    public static <T> Function<Mono<T>, Mono<T>> within(Duration timeout, Scheduler timers) {
        return source -> source.timeout(Mono.delay(timeout, timers),
                Mono.error(() -> new TimeoutException("nothing within " + timeout.toMillis() + "ms")));
    }
}
