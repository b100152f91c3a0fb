package io.ringway.federation;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A target's meters, tagged with its name (a bounded set: the configured targets):
 * {@code ringway.federation.requests} (timer to the answer's headers: method, status class or
 * {@code none} when no answer came), {@code ringway.federation.errors} (no answer, 5xx, or a
 * body that broke), {@code ringway.federation.bytes} (body bytes sent and received),
 * {@code ringway.federation.breaker.state} (1 for the breaker's current state, 0 for the others)
 * and {@code ringway.federation.requests.active} (the bulkhead's requests in flight).
 */
final class TargetMetrics {

    private final String target;
    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Counter> errors = new ConcurrentHashMap<>();
    private final Counter sent;
    private final Counter received;

    TargetMetrics(String target, MeterRegistry registry, CircuitBreaker breaker, Bulkhead bulkhead) {
        this.target = target;
        this.registry = registry;
        this.sent = bytes("sent");
        this.received = bytes("received");
        for (CircuitBreaker.State state : new CircuitBreaker.State[] {CircuitBreaker.State.CLOSED,
                CircuitBreaker.State.OPEN, CircuitBreaker.State.HALF_OPEN}) {
            Gauge.builder("ringway.federation.breaker.state", breaker, b -> b.getState() == state ? 1 : 0)
                    .description("The target's circuit breaker: 1 for its current state")
                    .tag("target", target)
                    .tag("state", state.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
        int max = bulkhead.getBulkheadConfig().getMaxConcurrentCalls();
        Gauge.builder("ringway.federation.requests.active", bulkhead,
                        b -> max - b.getMetrics().getAvailableConcurrentCalls())
                .description("Requests to the target in flight, bodies included")
                .tag("target", target)
                .register(registry);
    }

    void answered(String method, int status, Duration took) {
        timer(method, (status / 100) + "xx").record(took);
        if (status >= 500) {
            error("status");
        }
    }

    void unanswered(String method, Duration took) {
        timer(method, "none").record(took);
        error("unavailable");
    }

    void bodyFailed() {
        error("body");
    }

    void sent(long bytes) {
        sent.increment(bytes);
    }

    void received(long bytes) {
        received.increment(bytes);
    }

    private Timer timer(String method, String status) {
        return timers.computeIfAbsent(method + " " + status, key -> Timer.builder("ringway.federation.requests")
                .description("Requests to a federation target, to its answer's headers")
                .tag("target", target)
                .tag("method", method)
                .tag("status", status)
                .register(registry));
    }

    private void error(String kind) {
        errors.computeIfAbsent(kind, key -> Counter.builder("ringway.federation.errors")
                .description("Requests to a federation target that failed: no answer, a 5xx, a body that broke")
                .tag("target", target)
                .tag("kind", kind)
                .register(registry)).increment();
    }

    private Counter bytes(String direction) {
        return Counter.builder("ringway.federation.bytes")
                .description("Body bytes to and from a federation target")
                .baseUnit("bytes")
                .tag("target", target)
                .tag("direction", direction)
                .register(registry);
    }
}
