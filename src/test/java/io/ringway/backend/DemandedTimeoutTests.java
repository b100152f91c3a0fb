package io.ringway.backend;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class DemandedTimeoutTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void failsAfterTheTimeoutWhenDemandIsPendingAndNothingArrives() {
        // Schedulers.parallel() inside the supplier: the virtual clock's.
        StepVerifier.withVirtualTime(() -> DemandedTimeout.apply(Flux.<Integer>never(), TIMEOUT,
                        Schedulers.parallel()))
                .expectSubscription()
                .expectNoEvent(TIMEOUT.minusMillis(1))
                .thenAwait(Duration.ofMillis(1))
                .expectError(TimeoutException.class)
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void doesNotCountTimeWithoutDemandAgainstTheSource() {
        StepVerifier.withVirtualTime(() -> DemandedTimeout.apply(Flux.just(1, 2).concatWith(Flux.never()), TIMEOUT,
                        Schedulers.parallel()), 1)
                .expectNext(1)
                // The client reads nothing for a minute: the node is not to blame.
                .expectNoEvent(Duration.ofMinutes(1))
                .thenRequest(1)
                .expectNext(2)
                .thenRequest(1)
                .expectNoEvent(TIMEOUT.minusSeconds(1))
                .thenAwait(Duration.ofSeconds(1))
                .expectError(TimeoutException.class)
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void eachItemRestartsTheClock() {
        StepVerifier.withVirtualTime(() -> Flux.interval(Duration.ofSeconds(9)).take(3)
                        .transform(f -> DemandedTimeout.apply(f, TIMEOUT, Schedulers.parallel())))
                .expectSubscription()
                .thenAwait(Duration.ofSeconds(27))
                .expectNext(0L, 1L, 2L)
                .verifyComplete();
    }
}
