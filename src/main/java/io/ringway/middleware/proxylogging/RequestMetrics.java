package io.ringway.middleware.proxylogging;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The request meters, with tags from bounded sets only (never names or paths):
 * {@code ringway.requests} (timer: method, status class, outcome, policy),
 * {@code ringway.request.bytes} and {@code ringway.response.bytes} (summaries in bytes: method,
 * policy) and {@code ringway.response.first.byte} (timer: method, policy).
 */
final class RequestMetrics {

    private final MeterRegistry registry;

    RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(Sample sample) {
        Tags tags = Tags.of("method", sample.method(), "policy", sample.policy());
        Timer.builder("ringway.requests")
                .description("Requests through the pipeline, from arrival to the last body byte")
                .tags(tags)
                .tag("status", statusClass(sample.status()))
                .tag("outcome", sample.outcome())
                .register(registry)
                .record(sample.duration());
        DistributionSummary.builder("ringway.request.bytes")
                .description("Request body bytes read from clients")
                .baseUnit("bytes")
                .tags(tags)
                .register(registry)
                .record(sample.bytesReceived());
        DistributionSummary.builder("ringway.response.bytes")
                .description("Response body bytes sent to clients")
                .baseUnit("bytes")
                .tags(tags)
                .register(registry)
                .record(sample.bytesSent());
        Duration firstByte = sample.firstByte();
        if (firstByte != null) {
            Timer.builder("ringway.response.first.byte")
                    .description("Time from arrival to the first response body byte")
                    .tags(tags)
                    .register(registry)
                    .record(firstByte);
        }
    }

    static String statusClass(int status) {
        return status >= 100 && status < 600 ? status / 100 + "xx" : "OTHER";
    }

    /** One finished request, as the meters see it. */
    record Sample(String method, String policy, int status, String outcome, Duration duration,
            long bytesReceived, long bytesSent, @Nullable Duration firstByte) {
    }
}
