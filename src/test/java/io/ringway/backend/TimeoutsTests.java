package io.ringway.backend;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class TimeoutsTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void failsWithATimeoutExceptionNamingTheTimeWhenNothingComes() {
        // Schedulers.parallel() inside the supplier: the virtual clock's.
        StepVerifier.withVirtualTime(() -> Mono.never().transform(Timeouts.within(TIMEOUT, Schedulers.parallel())))
                .expectSubscription()
                .expectNoEvent(TIMEOUT.minusMillis(1))
                .thenAwait(Duration.ofMillis(1))
                .expectErrorSatisfies(e -> {
                    if (!(e instanceof TimeoutException) || !e.getMessage().contains("10000ms")) {
                        throw new AssertionError("unexpected " + e);
                    }
                })
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void passesAnAnswerThatComesInTime() {
        StepVerifier.withVirtualTime(() -> Mono.delay(TIMEOUT.minusSeconds(1))
                        .transform(Timeouts.within(TIMEOUT, Schedulers.parallel())))
                .expectSubscription()
                .thenAwait(TIMEOUT)
                .expectNext(0L)
                .verifyComplete();
    }
}
