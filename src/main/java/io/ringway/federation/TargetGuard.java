package io.ringway.federation;

import static java.util.Objects.requireNonNull;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * A target's circuit breaker and bulkhead (Resilience4j). The breaker counts a request without an
 * answer, or with a 5xx answer, as a failure; once {@code failureRateThreshold} per cent of the
 * last requests failed it refuses every request for {@code openDuration} (503 at once, instead
 * of each waiting for a timeout), then lets a few through to see whether the target is back. The
 * bulkhead bounds the requests in flight, bodies included: a slow target cannot take every
 * connection and buffer of the gateway, and the other policies go on.
 */
final class TargetGuard {

    private final String target;
    private final CircuitBreaker breaker;
    private final Bulkhead bulkhead;

    TargetGuard(String target, TargetLimits limits) {
        this.target = requireNonNull(target, "target");
        int minimum = requireNonNull(limits.minimumRequests(), "minimumRequests");
        this.breaker = CircuitBreaker.of("target-" + target, CircuitBreakerConfig.custom()
                .failureRateThreshold(requireNonNull(limits.failureRateThreshold(), "failureRateThreshold"))
                .minimumNumberOfCalls(minimum)
                .slidingWindowSize(Math.max(minimum, 20))
                .waitDurationInOpenState(requireNonNull(limits.openDuration(), "openDuration"))
                .permittedNumberOfCallsInHalfOpenState(3)
                .build());
        this.bulkhead = Bulkhead.of("target-" + target, BulkheadConfig.custom()
                .maxConcurrentCalls(requireNonNull(limits.maxConcurrentRequests(), "maxConcurrentRequests"))
                .maxWaitDuration(Duration.ZERO)
                .build());
    }

    CircuitBreaker breaker() {
        return breaker;
    }

    Bulkhead bulkhead() {
        return bulkhead;
    }

    /** {@code call}, if the bulkhead and the breaker let it go; its answer holds the bulkhead until its body ends. */
    Mono<RemoteResponse> guarded(RemoteRequest request, Supplier<Mono<RemoteResponse>> call) {
        return Mono.defer(() -> {
            if (!bulkhead.tryAcquirePermission()) {
                return Mono.error(new TargetUnavailableException("target " + target + ": "
                        + bulkhead.getBulkheadConfig().getMaxConcurrentCalls() + " requests in flight already"));
            }
            if (!breaker.tryAcquirePermission()) {
                bulkhead.onComplete();
                return Mono.error(new TargetUnavailableException("target " + target + ": " + request.describe()
                        + ": circuit breaker " + breaker.getState().name().toLowerCase(java.util.Locale.ROOT)
                        + " after failures"));
            }
            long start = System.nanoTime();
            AtomicBoolean held = new AtomicBoolean(true);
            Runnable release = () -> {
                if (held.compareAndSet(true, false)) {
                    bulkhead.onComplete();
                }
            };
            return call.get()
                    .map(response -> {
                        long took = System.nanoTime() - start;
                        if (response.status() >= 500) {
                            breaker.onError(took, TimeUnit.NANOSECONDS,
                                    new TargetUnavailableException("answered " + response.status()));
                        } else {
                            breaker.onSuccess(took, TimeUnit.NANOSECONDS);
                        }
                        return response.whenDone(release);
                    })
                    .doOnError(e -> {
                        breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
                        release.run();
                    })
                    .doOnCancel(() -> {
                        breaker.releasePermission();
                        release.run();
                    });
        });
    }
}
