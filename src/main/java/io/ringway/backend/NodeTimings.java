package io.ringway.backend;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Swift's {@code node_timings}: the last connect time measured per node IP, kept for
 * {@code timing_expiry}, for {@code sorting_method = timing}. Unknown or expired IPs sort first
 * (Swift's {@code -1.0}), so they get measured.
 */
public final class NodeTimings {

    private final Map<String, Timing> timings = new ConcurrentHashMap<>();
    private final Duration expiry;
    private final Clock clock;

    public NodeTimings(BackendSettings settings, Clock clock) {
        this.expiry = requireNonNull(settings, "settings").timingExpiry();
        this.clock = requireNonNull(clock, "clock");
    }

    /**
     * Records how long connecting to {@code ip} took (Swift's {@code set_node_timing}), rounded to
     * the millisecond as Swift does, so that nodes within a millisecond of each other tie and
     * keep their shuffled order.
     */
    public void record(String ip, Duration connectTime) {
        double seconds = Math.round(connectTime.toNanos() / 1e6) / 1e3;
        timings.put(ip, new Timing(seconds, clock.instant().plus(expiry)));
    }

    /** The sort key of {@code ip}: its last connect time in seconds, or -1 when unknown or expired. */
    double key(String ip) {
        Timing timing = timings.get(ip);
        if (timing == null || !timing.expires().isAfter(clock.instant())) {
            return -1.0;
        }
        return timing.seconds();
    }

    private record Timing(double seconds, Instant expires) {
    }
}
