package io.ringway.middleware.catcherrors;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code generate_trans_id}: {@code tx}, 21 hex digits of a random UUID, {@code -}, the
 * time in seconds as 10 hex digits, then the URL-quoted suffix: the configured one plus
 * {@code -} and the first 32 characters of the client's {@code X-Trans-Id-Extra}. As in Swift,
 * the 13th hex digit is the UUID's version, {@code 4}.
 */
final class TransactionIds {

    /** Python's {@code quote()} keeps these (and ASCII letters and digits) as they are. */
    private static final String UNRESERVED = "_.-~/";
    private static final int EXTRA_LIMIT = 32;

    private final Clock clock;
    private final Supplier<UUID> uuids;

    TransactionIds(Clock clock, Supplier<UUID> uuids) {
        this.clock = requireNonNull(clock, "clock");
        this.uuids = requireNonNull(uuids, "uuids");
    }

    String next(String configuredSuffix, @Nullable String extra) {
        String suffix = configuredSuffix;
        if (extra != null && !extra.isEmpty()) {
            suffix += "-" + firstCodePoints(extra, EXTRA_LIMIT);
        }
        String random = uuids.get().toString().replace("-", "").substring(0, 21);
        String seconds = Long.toHexString(clock.millis() / 1000);
        // "%010x" by hand: String.format is costly for something every request does.
        return "tx" + random + "-" + "0".repeat(Math.max(0, 10 - seconds.length())) + seconds + quote(suffix);
    }

    /** Python's {@code urllib.parse.quote(s)}: UTF-8, every other byte as {@code %XX}. */
    static String quote(String value) {
        StringBuilder quoted = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || UNRESERVED.indexOf(c) >= 0)) {
                quoted.append((char) c);
            } else {
                quoted.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return quoted.toString();
    }

    /** Python's {@code s[:n]} counts code points. */
    private static String firstCodePoints(String value, int limit) {
        if (value.codePointCount(0, value.length()) <= limit) {
            return value;
        }
        return value.substring(0, value.offsetByCodePoints(0, limit));
    }
}
