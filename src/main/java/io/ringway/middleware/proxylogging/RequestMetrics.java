package io.ringway.middleware.proxylogging;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The request meters, with tags from bounded sets only (never names or paths):
 * {@code ringway.requests} (timer: method, status class, outcome, policy),
 * {@code ringway.request.bytes} and {@code ringway.response.bytes} (summaries in bytes: method,
 * policy) and {@code ringway.response.first.byte} (timer: method, policy).
 */
final class RequestMetrics {

    private final MeterRegistry registry;
    /**
     * The meters of each tag combination, looked up once: building and registering them costs
     * more (tags sorted, ids hashed, the registry's map consulted) than recording.
     */
    private final Map<Key, Meters> meters = new ConcurrentHashMap<>();
    private final Map<FirstByteKey, Timer> firstByteTimers = new ConcurrentHashMap<>();

    RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(Sample sample) {
        Meters of = meters.computeIfAbsent(
                new Key(sample.method(), sample.policy(), statusClass(sample.status()), sample.outcome()),
                this::register);
        of.requests().record(sample.duration());
        of.requestBytes().record(sample.bytesReceived());
        of.responseBytes().record(sample.bytesSent());
        Duration firstByte = sample.firstByte();
        if (firstByte != null) {
            // Registered at the first response that has a first byte, as before, not with the others.
            firstByteTimers.computeIfAbsent(new FirstByteKey(sample.method(), sample.policy()), this::firstByteTimer)
                    .record(firstByte);
        }
    }

    private Meters register(Key key) {
        Tags tags = Tags.of("method", key.method(), "policy", key.policy());
        Timer requests = Timer.builder("ringway.requests")
                .description("Requests through the pipeline, from arrival to the last body byte")
                .tags(tags)
                .tag("status", key.statusClass())
                .tag("outcome", key.outcome())
                .register(registry);
        DistributionSummary requestBytes = DistributionSummary.builder("ringway.request.bytes")
                .description("Request body bytes read from clients")
                .baseUnit("bytes")
                .tags(tags)
                .register(registry);
        DistributionSummary responseBytes = DistributionSummary.builder("ringway.response.bytes")
                .description("Response body bytes sent to clients")
                .baseUnit("bytes")
                .tags(tags)
                .register(registry);
        return new Meters(requests, requestBytes, responseBytes);
    }

    private Timer firstByteTimer(FirstByteKey key) {
        return Timer.builder("ringway.response.first.byte")
                .description("Time from arrival to the first response body byte")
                .tags("method", key.method(), "policy", key.policy())
                .register(registry);
    }

    static String statusClass(int status) {
        return status >= 100 && status < 600 ? status / 100 + "xx" : "OTHER";
    }

    private record Key(String method, String policy, String statusClass, String outcome) {
    }

    private record Meters(Timer requests, DistributionSummary requestBytes, DistributionSummary responseBytes) {
    }

    private record FirstByteKey(String method, String policy) {
    }

    /** One finished request, as the meters see it. */
    record Sample(String method, String policy, int status, String outcome, Duration duration,
            long bytesReceived, long bytesSent, @Nullable Duration firstByte) {
    }
}
