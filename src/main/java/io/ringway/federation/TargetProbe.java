package io.ringway.federation;

import org.jspecify.annotations.Nullable;

/**
 * A probe of a target just now: a HEAD of its account with the gateway's credentials.
 *
 * @param reachable whether it answered 2xx
 * @param millis how long the answer (or the failure) took
 * @param detail the status, or what failed
 */
public record TargetProbe(boolean reachable, long millis, @Nullable String detail) {
}
