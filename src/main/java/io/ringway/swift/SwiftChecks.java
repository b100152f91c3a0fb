package io.ringway.swift;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code check_metadata} and {@code check_delete_headers}, shared by the proxy edge and the
 * object server, which run the same function in Swift. Failures are a {@link Rejected} carrying
 * Swift's status and {@code text/plain} body; each caller turns it into its own error type.
 * Header values are the bytes sent, read as ISO-8859-1, so lengths are byte counts.
 */
public final class SwiftChecks {

    private SwiftChecks() {
    }

    /** A header name as swob shows it: WSGI's underscores become hyphens, then {@code str.title()}. */
    public static String headerName(String name) {
        return PythonText.title(name.replace('_', '-'));
    }

    /**
     * {@code check_metadata(req, target)}: every header value's length, then each
     * {@code X-<Target>-Meta-*} name, value, the count and the overall size; account and container
     * metadata must also be UTF-8.
     *
     * @param target {@code account}, {@code container} or {@code object}
     */
    public static void metadata(Iterable<Map.Entry<String, List<String>>> headers, String target,
            MetadataLimits limits) {
        String prefix = "x-" + target + "-meta-";
        boolean utf8Only = !target.equals("object");
        int count = 0;
        int size = 0;
        for (Map.Entry<String, List<String>> header : headers) {
            String name = headerName(header.getKey());
            for (String value : header.getValue()) {
                if (value.length() > limits.maxHeaderSize()) {
                    throw new Rejected(400, "Header value too long: "
                            + name.substring(0, Math.min(name.length(), limits.maxMetaNameLength())));
                }
                if (!name.toLowerCase(java.util.Locale.ROOT).startsWith(prefix)) {
                    continue;
                }
                String key = name.substring(prefix.length());
                if (key.isEmpty()) {
                    throw new Rejected(400, "Metadata name cannot be empty");
                }
                // The name as sent: title-casing may map a Latin-1 letter outside Latin-1.
                boolean badKey = !SwiftRules.isUtf8(header.getKey().substring(prefix.length()));
                boolean badValue = !value.isEmpty() && !SwiftRules.isUtf8(value);
                if (utf8Only && (badKey || badValue)) {
                    throw new Rejected(400, "Metadata must be valid UTF-8");
                }
                count++;
                size += key.length() + value.length();
                if (key.length() > limits.maxMetaNameLength()) {
                    throw new Rejected(400, "Metadata name too long: " + prefix + key);
                }
                if (value.length() > limits.maxMetaValueLength()) {
                    throw new Rejected(400, "Metadata value longer than " + limits.maxMetaValueLength() + ": "
                            + prefix + key);
                }
                if (count > limits.maxMetaCount()) {
                    throw new Rejected(400, "Too many metadata items; max " + limits.maxMetaCount());
                }
                if (size > limits.maxMetaOverallSize()) {
                    throw new Rejected(400, "Total metadata too large; max " + limits.maxMetaOverallSize());
                }
            }
        }
    }

    /**
     * {@code check_delete_headers}: {@code X-Delete-After} becomes an {@code X-Delete-At}; either
     * must be an integer later than the request. Returns the normalized {@code X-Delete-At} or null.
     *
     * @param header a header's first value by name, null when absent
     * @param now the request's timestamp in seconds
     */
    public static @Nullable String deleteAt(Function<String, @Nullable String> header, double now) {
        String deleteAt = header.apply("X-Delete-At");
        String deleteAfter = header.apply("X-Delete-After");
        if (deleteAfter != null) {
            BigInteger after = SwiftRules.pythonBigInt(deleteAfter);
            if (after == null) {
                throw new Rejected(400, "Non-integer X-Delete-After");
            }
            deleteAt = SwiftRules.normalizeDeleteAt(after.add(BigInteger.valueOf((long) Math.floor(now))));
            if (Long.parseLong(deleteAt) <= now) {
                throw new Rejected(400, "X-Delete-After in past");
            }
        }
        if (deleteAt == null) {
            return null;
        }
        // Python's int() has no size limit: a far-future value is clamped, not refused.
        BigInteger at = SwiftRules.pythonBigInt(deleteAt);
        if (at == null) {
            throw new Rejected(400, "Non-integer X-Delete-At");
        }
        String normalized = SwiftRules.normalizeDeleteAt(at);
        if (Long.parseLong(normalized) <= now && !SwiftRules.isTrue(header.apply("X-Backend-Replication"))) {
            throw new Rejected(400, "X-Delete-At in past");
        }
        return normalized;
    }

    /**
     * The {@code [swift-constraints]} limits {@code check_metadata} applies.
     *
     * @param maxHeaderSize longest header value
     * @param maxMetaNameLength longest metadata name
     * @param maxMetaValueLength longest metadata value
     * @param maxMetaCount most metadata items
     * @param maxMetaOverallSize most bytes of names and values together
     */
    public record MetadataLimits(int maxHeaderSize, int maxMetaNameLength, int maxMetaValueLength, int maxMetaCount,
            int maxMetaOverallSize) {

        /** Swift 2.30's defaults. */
        public static final MetadataLimits DEFAULTS = new MetadataLimits(8192, 128, 256, 90, 4096);
    }

    /** Swift's answer to a failed check: the status and its {@code text/plain} body. */
    public static final class Rejected extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final int status;
        private final String body;

        Rejected(int status, String body) {
            super(body, null, false, false);
            this.status = status;
            this.body = body;
        }

        public int status() {
            return status;
        }

        /** The body, word for word as Swift's. */
        public String body() {
            return body;
        }
    }
}
