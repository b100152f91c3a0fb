package io.ringway.backend;

import static java.util.Objects.requireNonNull;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.ringway.ring.Device;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Swift's error limiting ({@code Application.error_occurred}, {@code error_limit},
 * {@code error_limited}) on one Resilience4j circuit breaker per node ({@code ip:port/device}).
 *
 * <p>Only errors are recorded, in a count-based window of {@code error_suppression_limit + 1}
 * calls that opens at 100% failures: the node is skipped once it has had more than
 * {@code error_suppression_limit} errors, as in Swift. A 507 opens the breaker at once (Swift's
 * {@code error_limit}). As in Swift, the count is forgotten once the last error is older than
 * {@code error_suppression_interval}; that check uses the injected clock, so the breaker's own
 * open-state wait is never what lets a node back in.
 */
public final class NodeHealth {

    private static final Logger LOG = LoggerFactory.getLogger(NodeHealth.class);

    private final CircuitBreakerRegistry registry;
    private final Duration interval;
    private final Clock clock;
    private final Map<String, Instant> lastErrors = new ConcurrentHashMap<>();
    private final Counter errors;
    private final Counter forcedLimits;

    /** Without metrics (tests). */
    public NodeHealth(BackendSettings settings, Clock clock) {
        this(settings, clock, new CompositeMeterRegistry());
    }

    /**
     * @param meters where {@code ringway.backend.errors} (Swift's {@code error_occurred}, by
     *     kind) and {@code ringway.backend.nodes.error.limited} (the nodes error-limited now) go
     */
    public NodeHealth(BackendSettings settings, Clock clock, MeterRegistry meters) {
        requireNonNull(settings, "settings");
        requireNonNull(meters, "meters");
        this.errors = errorCounter(meters, "error");
        this.forcedLimits = errorCounter(meters, "insufficient_storage");
        Gauge.builder("ringway.backend.nodes.error.limited", this, NodeHealth::limitedCount)
                .description("Storage node devices error-limited now, skipped until their suppression interval ends")
                .register(meters);
        this.clock = requireNonNull(clock, "clock");
        this.interval = settings.errorSuppressionInterval();
        int window = settings.errorSuppressionLimit() + 1;
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(window)
                .minimumNumberOfCalls(window)
                .failureRateThreshold(100)
                // Never left by waiting: limited() resets the breaker after the interval, on the injected clock.
                .waitDurationInOpenState(Duration.ofDays(365))
                .build();
        this.registry = CircuitBreakerRegistry.of(config);
    }

    /** The key Swift's error limiting uses for a node: {@code ip:port/device}. */
    static String key(Device device) {
        return device.ip() + ":" + device.port() + "/" + device.device();
    }

    /** Whether the node is error-limited now and must not be tried (Swift's {@code error_limited}). */
    public boolean limited(Device device) {
        String key = key(device);
        Instant last = lastErrors.get(key);
        if (last == null) {
            return false;
        }
        CircuitBreaker breaker = registry.circuitBreaker(key);
        if (clock.instant().isAfter(last.plus(interval))) {
            // Swift drops a node's error stats once its last error is older than the interval.
            lastErrors.remove(key, last);
            breaker.reset();
            return false;
        }
        return breaker.getState() == CircuitBreaker.State.OPEN;
    }

    /** Counts one error against the node (Swift's {@code error_occurred}, {@code exception_occurred}). */
    public void error(Device device, String why) {
        String key = key(device);
        limited(device);
        lastErrors.put(key, clock.instant());
        CircuitBreaker breaker = registry.circuitBreaker(key);
        boolean wasOpen = breaker.getState() == CircuitBreaker.State.OPEN;
        breaker.onError(0, TimeUnit.NANOSECONDS, new NodeErrorException(why));
        errors.increment();
        if (!wasOpen && breaker.getState() == CircuitBreaker.State.OPEN) {
            LOG.warn("Node error limited {} ({})", key, why);
        } else {
            LOG.warn("Node error {} ({})", key, why);
        }
    }

    /** Limits the node at once (Swift's {@code error_limit}, used for 507). */
    public void limit(Device device, String why) {
        String key = key(device);
        forcedLimits.increment();
        lastErrors.put(key, clock.instant());
        CircuitBreaker breaker = registry.circuitBreaker(key);
        if (breaker.getState() != CircuitBreaker.State.OPEN) {
            breaker.transitionToOpenState();
        }
        LOG.warn("Node error limited {} ({})", key, why);
    }

    private static Counter errorCounter(MeterRegistry meters, String kind) {
        return Counter.builder("ringway.backend.errors")
                .description("Errors counted against storage nodes (timeouts, refused connections, 5xx)")
                .tag("kind", kind)
                .register(meters);
    }

    /** The devices limited now, read without resetting any (a gauge must not change state). */
    private double limitedCount() {
        Instant now = clock.instant();
        return lastErrors.entrySet().stream()
                .filter(entry -> !now.isAfter(entry.getValue().plus(interval)))
                .filter(entry -> registry.circuitBreaker(entry.getKey()).getState() == CircuitBreaker.State.OPEN)
                .count();
    }

    /** Records the error of a node; the message only, no stack trace is kept. */
    static final class NodeErrorException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        NodeErrorException(String message) {
            super(message, null, false, false);
        }
    }
}
