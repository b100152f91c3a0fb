package io.ringway.federation;

import static java.util.Objects.requireNonNull;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * A target's circuit breaker, bulkhead and meters. The breaker (Resilience4j) counts a request
 * without an answer, or with a 5xx answer, as a failure; once {@code failureRateThreshold} per
 * cent of the last requests failed it refuses every request for {@code openDuration} (503 at
 * once, instead of each waiting for a timeout), then lets a few through to see whether the target
 * is back. The bulkhead bounds the requests in flight, bodies included: a slow target cannot take
 * every connection and buffer of the gateway, and the other policies go on. It also keeps the
 * last answer and the last failure, for the targets' health view.
 */
public final class TargetGuard {

    private final String target;
    private final CircuitBreaker breaker;
    private final Bulkhead bulkhead;
    private final TargetMetrics metrics;
    private volatile @Nullable Instant lastAnswerAt;
    private volatile long lastAnswerMillis = -1;
    private volatile @Nullable Instant lastFailureAt;
    private volatile @Nullable String lastFailure;

    public TargetGuard(String target, TargetLimits limits, MeterRegistry registry) {
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
        this.metrics = new TargetMetrics(target, registry, breaker, bulkhead);
    }

    CircuitBreaker breaker() {
        return breaker;
    }

    Bulkhead bulkhead() {
        return bulkhead;
    }

    /** Counts request body bytes sent to the target. */
    public void sent(long bytes) {
        metrics.sent(bytes);
    }

    /** {@code call}, if the bulkhead and the breaker let it go; its answer holds the bulkhead until its body ends. */
    public Mono<RemoteResponse> guarded(RemoteRequest request, Supplier<Mono<RemoteResponse>> call) {
        return Mono.defer(() -> {
            if (!bulkhead.tryAcquirePermission()) {
                return Mono.error(new TargetUnavailableException("target " + target + ": "
                        + bulkhead.getBulkheadConfig().getMaxConcurrentCalls() + " requests in flight already"));
            }
            if (!breaker.tryAcquirePermission()) {
                bulkhead.onComplete();
                return Mono.error(new TargetUnavailableException("target " + target + ": " + request.describe()
                        + ": circuit breaker " + breaker.getState().name().toLowerCase(Locale.ROOT)
                        + " after failures"));
            }
            long start = System.nanoTime();
            AtomicBoolean held = new AtomicBoolean(true);
            Runnable release = () -> {
                if (held.compareAndSet(true, false)) {
                    bulkhead.onComplete();
                }
            };
            String method = request.method().name();
            return call.get()
                    .map(response -> {
                        long took = System.nanoTime() - start;
                        metrics.answered(method, response.status(), Duration.ofNanos(took));
                        if (response.status() >= 500) {
                            breaker.onError(took, TimeUnit.NANOSECONDS,
                                    new TargetUnavailableException("answered " + response.status()));
                            failed("answered " + response.status() + " to " + request.describe());
                        } else {
                            breaker.onSuccess(took, TimeUnit.NANOSECONDS);
                            lastAnswerAt = Instant.now();
                            lastAnswerMillis = TimeUnit.NANOSECONDS.toMillis(took);
                        }
                        return response.observedBy(new RemoteResponse.BodyObserver() {
                            @Override
                            public void received(long bytes) {
                                metrics.received(bytes);
                            }

                            @Override
                            public void failed(Throwable failure) {
                                metrics.bodyFailed();
                                TargetGuard.this.failed("body of " + request.describe() + " broke: " + failure);
                            }

                            @Override
                            public void done() {
                                release.run();
                            }
                        });
                    })
                    .doOnError(e -> {
                        long took = System.nanoTime() - start;
                        breaker.onError(took, TimeUnit.NANOSECONDS, e);
                        metrics.unanswered(method, Duration.ofNanos(took));
                        failed(e.getMessage());
                        release.run();
                    })
                    .doOnCancel(() -> {
                        breaker.releasePermission();
                        release.run();
                    });
        });
    }

    private void failed(@Nullable String what) {
        lastFailureAt = Instant.now();
        lastFailure = what;
    }

    /** What the guard saw of the target, for the health view. */
    public TargetHealth health(TargetType type) {
        Instant answer = lastAnswerAt;
        Instant failure = lastFailureAt;
        int max = bulkhead.getBulkheadConfig().getMaxConcurrentCalls();
        return new TargetHealth(target, type.name().toLowerCase(Locale.ROOT),
                breaker.getState().name().toLowerCase(Locale.ROOT),
                max - bulkhead.getMetrics().getAvailableConcurrentCalls(),
                answer, answer != null ? lastAnswerMillis : null, failure, failure != null ? lastFailure : null);
    }
}
