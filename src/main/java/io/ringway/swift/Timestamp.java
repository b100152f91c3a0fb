package io.ringway.swift;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Swift's internal representation of time ({@code swift.common.utils.Timestamp}).
 *
 * <p>The normal form is a fixed-width float with five decimals, {@code 1402464677.04188}, so that
 * timestamps sort as strings. An optional offset, written after an underscore as 16 hex digits
 * ({@code 1402464677.04188_0000000000000001}), orders writes that share the same time; it only
 * appears in the internal form. Comparison is by time first, then by offset.
 *
 * @param raw time in units of 10 microseconds since the epoch (Swift's {@code raw})
 * @param offset the second ordering vector, compared unsigned
 */
public record Timestamp(long raw, long offset) implements Comparable<Timestamp> {

    /** Swift's {@code PRECISION}: ten microseconds. */
    private static final long UNITS_PER_SECOND = 100_000L;
    /** Swift refuses timestamps of 10,000,000,000 seconds or more. */
    private static final long MAX_RAW_EXCLUSIVE = 10_000_000_000L * UNITS_PER_SECOND;

    public Timestamp {
        if (raw < 0) {
            throw new IllegalArgumentException("timestamp cannot be negative");
        }
        if (raw >= MAX_RAW_EXCLUSIVE) {
            throw new IllegalArgumentException("timestamp too large");
        }
    }

    /**
     * The current time, without offset, to Swift's precision of ten microseconds (Swift's
     * {@code Timestamp.now()}): two writes of one name in the same millisecond still differ.
     */
    public static Timestamp now() {
        Instant now = Instant.now();
        return new Timestamp(now.getEpochSecond() * UNITS_PER_SECOND + now.getNano() / 10_000, 0);
    }

    public static Timestamp ofMillis(long epochMillis) {
        return new Timestamp(epochMillis * 100, 0);
    }

    /**
     * Parses a normal or internal timestamp string, as Swift's constructor does.
     *
     * @throws IllegalArgumentException when the value is not a valid timestamp
     */
    public static Timestamp parse(String value) {
        String trimmed = value.trim();
        int underscore = trimmed.indexOf('_');
        String base = underscore < 0 ? trimmed : trimmed.substring(0, underscore);
        long offset = 0;
        if (underscore >= 0) {
            String hex = trimmed.substring(underscore + 1);
            if (hex.isEmpty() || hex.length() > 16 || !hex.chars().allMatch(Timestamp::isHexDigit)) {
                throw new IllegalArgumentException("invalid timestamp offset: " + value);
            }
            offset = Long.parseUnsignedLong(hex, 16);
        }
        long plain = plainRaw(base);
        if (plain >= 0) {
            return new Timestamp(plain, offset);
        }
        BigDecimal seconds;
        try {
            seconds = new BigDecimal(base);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid timestamp: " + value, e);
        }
        if (seconds.signum() < 0) {
            throw new IllegalArgumentException("timestamp cannot be negative");
        }
        if (seconds.compareTo(BigDecimal.valueOf(10_000_000_000L)) >= 0) {
            throw new IllegalArgumentException("timestamp too large");
        }
        long raw = seconds.movePointRight(5).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        return new Timestamp(raw, offset);
    }

    /**
     * The raw value of the common form, digits with at most five decimals ({@code 1402464677.04188}),
     * which needs no rounding; -1 for anything else (left to {@link BigDecimal}).
     */
    private static long plainRaw(String base) {
        int dot = base.indexOf('.');
        int whole = dot < 0 ? base.length() : dot;
        int decimals = dot < 0 ? 0 : base.length() - dot - 1;
        if (whole == 0 || whole > 10 || decimals > 5) {
            return -1;
        }
        long raw = 0;
        for (int i = 0; i < base.length(); i++) {
            char c = base.charAt(i);
            if (i == dot) {
                continue;
            }
            if (c < '0' || c > '9') {
                return -1;
            }
            raw = raw * 10 + (c - '0');
        }
        for (int i = decimals; i < 5; i++) {
            raw *= 10;
        }
        return raw < MAX_RAW_EXCLUSIVE ? raw : -1;
    }

    /** Like {@link #parse(String)}, but {@code null} for a missing or invalid value. */
    public static @Nullable Timestamp parseOrNull(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The normal form, {@code %016.05f}: what clients see in {@code X-Timestamp}. */
    public String normal() {
        // By hand rather than String.format: every request writes and reads several of these.
        StringBuilder out = new StringBuilder(32);
        padded(out, raw / UNITS_PER_SECOND, 10);
        return padded(out.append('.'), raw % UNITS_PER_SECOND, 5).toString();
    }

    /** The internal form: the normal form, plus {@code _} and 16 hex digits when there is an offset. */
    public String internal() {
        if (offset == 0) {
            return normal();
        }
        String hex = Long.toHexString(offset);
        return normal() + "_" + "0".repeat(16 - hex.length()) + hex;
    }

    /** {@code value} (not negative) in decimal, zero-padded to at least {@code width} digits. */
    private static StringBuilder padded(StringBuilder out, long value, int width) {
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(digits);
    }

    /** Whole seconds since the epoch. */
    public long seconds() {
        return raw / UNITS_PER_SECOND;
    }

    public long epochMillis() {
        return raw / 100;
    }

    /** This time with its offset raised by {@code by}. */
    public Timestamp withOffsetPlus(long by) {
        return new Timestamp(raw, offset + by);
    }

    public boolean isAfter(Timestamp other) {
        return compareTo(other) > 0;
    }

    public boolean isBefore(Timestamp other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(Timestamp other) {
        int byTime = Long.compare(raw, other.raw);
        return byTime != 0 ? byTime : Long.compareUnsigned(offset, other.offset);
    }

    @Override
    public String toString() {
        return internal();
    }

    private static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
