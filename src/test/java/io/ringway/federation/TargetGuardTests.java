package io.ringway.federation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ConnectException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class TargetGuardTests {

    private static final RemoteRequest GET = new RemoteRequest(HttpMethod.GET, "AUTH_a", "c", "o", null,
            new HttpHeaders(), null, -1);

    @Test
    void theBreakerOpensAfterFailuresAndThenRefusesAtOnce() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        TargetGuard guard = new TargetGuard("t", new TargetLimits(null, null, null, 10, 50, 4, Duration.ofMinutes(1))
                .orElse(TargetLimits.BUILT_IN), registry);
        for (int i = 0; i < 4; i++) {
            StepVerifier.create(guard.guarded(GET, () -> Mono.error(new ConnectException("refused"))))
                    .expectError(ConnectException.class)
                    .verify(Duration.ofSeconds(5));
        }
        assertThat(guard.breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(registry.get("ringway.federation.errors").tag("target", "t").tag("kind", "unavailable").counter()
                .count()).isEqualTo(4);
        assertThat(registry.get("ringway.federation.requests").tag("status", "none").timer().count()).isEqualTo(4);
        assertThat(registry.get("ringway.federation.breaker.state").tag("state", "open").gauge().value()).isEqualTo(1);
        assertThat(registry.get("ringway.federation.breaker.state").tag("state", "closed").gauge().value()).isZero();
        TargetHealth health = guard.health(TargetType.SWIFT);
        assertThat(health.breaker()).isEqualTo("open");
        assertThat(health.lastFailure()).isEqualTo("refused");
        assertThat(health.lastAnswerAt()).isNull();

        StepVerifier.create(guard.guarded(GET, () -> Mono.error(new AssertionError("must not be called"))))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(TargetUnavailableException.class)
                        .hasMessage("target t: GET /AUTH_a/c/o: circuit breaker open after failures"))
                .verify(Duration.ofSeconds(5));
        // Refusals hold no bulkhead permit.
        assertThat(guard.bulkhead().getMetrics().getAvailableConcurrentCalls()).isEqualTo(10);
    }

    @Test
    void theBulkheadBoundsRequestsInFlightAndGivesPermitsBack() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        TargetGuard guard = new TargetGuard("t", new TargetLimits(null, null, null, 2, null, null, null)
                .orElse(TargetLimits.BUILT_IN), registry);
        Disposable first = guard.guarded(GET, Mono::never).subscribe();
        Disposable second = guard.guarded(GET, Mono::never).subscribe();

        StepVerifier.create(guard.guarded(GET, Mono::never))
                .expectErrorMessage("target t: 2 requests in flight already")
                .verify(Duration.ofSeconds(5));
        assertThat(registry.get("ringway.federation.requests.active").gauge().value()).isEqualTo(2);

        first.dispose();
        second.dispose();
        assertThat(guard.bulkhead().getMetrics().getAvailableConcurrentCalls()).isEqualTo(2);
    }
}
