package io.ringway.federation;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the gateway knows of a target: its breaker, its requests in flight, its last answer and
 * last failure (null: none yet), and whether a probe just now reached it.
 *
 * @param name the target's name
 * @param type {@code swift} or {@code s3}
 * @param breaker {@code closed}, {@code open} or {@code half_open}
 * @param inFlight requests in flight, bodies included
 * @param lastAnswerAt when a request last got an answer that was not a 5xx
 * @param lastAnswerMillis how long that answer took, to its headers
 * @param lastFailureAt when a request last failed (no answer, a 5xx, a body that broke)
 * @param lastFailure what failed
 */
public record TargetHealth(String name, String type, String breaker, int inFlight, @Nullable Instant lastAnswerAt,
        @Nullable Long lastAnswerMillis, @Nullable Instant lastFailureAt, @Nullable String lastFailure) {
}
