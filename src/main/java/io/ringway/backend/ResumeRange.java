package io.ringway.backend;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code GetOrHeadHandler.fast_forward}: the {@code Range} header that asks another node
 * for what follows the bytes already sent. Only single ranges resume; a multi-range request is
 * reported as {@link Outcome#UNSUPPORTED}.
 */
public final class ResumeRange {

    private static final Pattern SINGLE = Pattern.compile("\\s*bytes\\s*=\\s*(\\d*)\\s*-\\s*(\\d*)\\s*");

    private ResumeRange() {
    }

    /** The header after skipping {@code sent} bytes of what {@code range} (null: whole object) asked. */
    public static Result fastForward(@Nullable String range, long sent) {
        if (range == null) {
            return new Result(Outcome.RESUME, "bytes=" + sent + "-");
        }
        Matcher m = SINGLE.matcher(range);
        if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
            return new Result(Outcome.UNSUPPORTED, range);
        }
        if (m.group(1).isEmpty()) {
            // A suffix range (the last N bytes): N shrinks by what was sent.
            long left = Long.parseLong(m.group(2)) - sent;
            if (left == 0) {
                return new Result(Outcome.COMPLETE, range);
            }
            return left < 0 ? new Result(Outcome.UNSATISFIABLE, range) : new Result(Outcome.RESUME, "bytes=-" + left);
        }
        long begin = Long.parseLong(m.group(1)) + sent;
        if (m.group(2).isEmpty()) {
            return new Result(Outcome.RESUME, "bytes=" + begin + "-");
        }
        long end = Long.parseLong(m.group(2));
        if (begin == end + 1) {
            return new Result(Outcome.COMPLETE, range);
        }
        if (begin > end) {
            return new Result(Outcome.UNSATISFIABLE, range);
        }
        return new Result(Outcome.RESUME, "bytes=" + begin + "-" + end);
    }

    public enum Outcome {
        /** Ask the next node with {@link Result#range()}. */
        RESUME,
        /** Everything asked for was sent already (Swift's {@code RangeAlreadyComplete}). */
        COMPLETE,
        /** More was sent than asked for: a bug or a changed object. */
        UNSATISFIABLE,
        /** A multi-range request: not resumed. */
        UNSUPPORTED
    }

    public record Result(Outcome outcome, String range) {
    }
}
