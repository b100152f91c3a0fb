package io.ringway.middleware;

import org.jspecify.annotations.Nullable;

/**
 * Where a stage must sit in the pipeline (Swift's {@code required_filters} in
 * {@code swift/proxy/server.py}): first, right after a named stage, or anywhere.
 *
 * @param first the stage must be the first one
 * @param after the stage must come right after the stage of this name
 * @param required the stage is added at its place when the configured pipeline lacks it, as
 *     Swift does for {@code catch_errors} and {@code gatekeeper}
 */
public record Placement(boolean first, @Nullable String after, boolean required) {

    public static final Placement ANYWHERE = new Placement(false, null, false);

    /** Must be first, and is added there when missing. */
    public static Placement requiredFirst() {
        return new Placement(true, null, true);
    }

    /** Must come right after {@code stage}, and is added there when missing. */
    public static Placement requiredAfter(String stage) {
        return new Placement(false, stage, true);
    }
}
