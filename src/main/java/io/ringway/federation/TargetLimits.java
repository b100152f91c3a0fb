package io.ringway.federation;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Timeouts, pool size and resilience settings of a target. Each target's unset values come from
 * {@code ringway.federation.defaults}, and those unset there from {@link #BUILT_IN}.
 *
 * @param connectTimeout to open a connection (and to wait for a pooled one): Swift's {@code conn_timeout}
 * @param responseTimeout for the answer's headers once the request was sent, and for each stall of
 *     its body while the client wants more: Swift's {@code node_timeout}
 * @param maxConnections the target's connection pool
 * @param maxConcurrentRequests the bulkhead: requests in flight (bodies included) beyond which
 *     new ones get 503 at once
 * @param failureRateThreshold per cent of failed requests (no answer, or 5xx) that opens the breaker
 * @param minimumRequests requests in the breaker's window before it judges
 * @param openDuration how long an open breaker refuses before letting a few requests try
 */
public record TargetLimits(
        @Nullable Duration connectTimeout,
        @Nullable Duration responseTimeout,
        @Nullable Integer maxConnections,
        @Nullable Integer maxConcurrentRequests,
        @Nullable Integer failureRateThreshold,
        @Nullable Integer minimumRequests,
        @Nullable Duration openDuration) {

    /** The values a target gets when neither it nor the defaults set them. */
    public static final TargetLimits BUILT_IN = new TargetLimits(Duration.ofSeconds(2), Duration.ofSeconds(10), 64,
            512, 50, 20, Duration.ofSeconds(10));

    /** No value set. */
    public static TargetLimits unset() {
        return new TargetLimits(null, null, null, null, null, null, null);
    }

    /** These values, each unset one taken from {@code fallback}. */
    public TargetLimits orElse(TargetLimits fallback) {
        return new TargetLimits(
                connectTimeout != null ? connectTimeout : fallback.connectTimeout,
                responseTimeout != null ? responseTimeout : fallback.responseTimeout,
                maxConnections != null ? maxConnections : fallback.maxConnections,
                maxConcurrentRequests != null ? maxConcurrentRequests : fallback.maxConcurrentRequests,
                failureRateThreshold != null ? failureRateThreshold : fallback.failureRateThreshold,
                minimumRequests != null ? minimumRequests : fallback.minimumRequests,
                openDuration != null ? openDuration : fallback.openDuration);
    }
}
