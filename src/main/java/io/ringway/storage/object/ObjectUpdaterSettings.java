package io.ringway.storage.object;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The object updater's options, named after Swift's {@code [object-updater]} options, with
 * Swift 2.30's defaults.
 *
 * @param interval {@code interval}: time between sweeps (300s); the scheduler reads it
 * @param concurrency {@code concurrency}: updates in flight at once (8)
 * @param nodeTimeout {@code node_timeout}: wait for a container server's answer (10s)
 * @param connTimeout {@code conn_timeout}: connect to a container server (0.5s)
 */
public record ObjectUpdaterSettings(Duration interval, int concurrency, Duration nodeTimeout, Duration connTimeout) {

    public ObjectUpdaterSettings {
        requireNonNull(interval, "interval");
        requireNonNull(nodeTimeout, "nodeTimeout");
        requireNonNull(connTimeout, "connTimeout");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency: " + concurrency + " (expected: at least 1)");
        }
    }

    public static ObjectUpdaterSettings defaults() {
        return new ObjectUpdaterSettings(Duration.ofSeconds(300), 8, Duration.ofSeconds(10), Duration.ofMillis(500));
    }
}
