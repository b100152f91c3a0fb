package io.ringway.backend;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class DemandedTimeoutTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void failsAfterTheTimeoutWhenDemandIsPendingAndNothingArrives() {
        StepVerifier.withVirtualTime(() -> DemandedTimeout.apply(Flux.<Integer>never(), TIMEOUT))
                .expectSubscription()
                .expectNoEvent(TIMEOUT.minusMillis(1))
                .thenAwait(Duration.ofMillis(1))
                .expectError(TimeoutException.class)
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void doesNotCountTimeWithoutDemandAgainstTheSource() {
        StepVerifier.withVirtualTime(() -> DemandedTimeout.apply(Flux.just(1, 2).concatWith(Flux.never()), TIMEOUT), 1)
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
                        .transform(f -> DemandedTimeout.apply(f, TIMEOUT)))
                .expectSubscription()
                .thenAwait(Duration.ofSeconds(27))
                .expectNext(0L, 1L, 2L)
                .verifyComplete();
    }
}
