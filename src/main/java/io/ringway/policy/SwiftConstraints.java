package io.ringway.policy;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The {@code [swift-constraints]} section of swift.conf: the limits the proxy enforces on
 * requests and advertises in {@code /info}. Missing options take Swift 2.30's defaults
 * ({@code swift/common/constraints.py}); unknown options are ignored, as in Swift.
 *
 * @param maxFileSize largest object in bytes
 * @param maxMetaNameLength longest metadata name, without the {@code X-*-Meta-} prefix
 * @param maxMetaValueLength longest metadata value
 * @param maxMetaCount most metadata items per request
 * @param maxMetaOverallSize most bytes of metadata names and values together
 * @param maxHeaderSize longest header value
 * @param extraHeaderCount headers allowed beyond Swift's own count
 * @param maxObjectNameLength longest object name in bytes
 * @param containerListingLimit most items in one container listing
 * @param accountListingLimit most items in one account listing
 * @param maxAccountNameLength longest account name
 * @param maxContainerNameLength longest container name
 * @param validApiVersions accepted first path segments, e.g. {@code v1}
 * @param autoCreateAccountPrefix prefix of accounts created on demand
 */
public record SwiftConstraints(
        long maxFileSize,
        int maxMetaNameLength,
        int maxMetaValueLength,
        int maxMetaCount,
        int maxMetaOverallSize,
        int maxHeaderSize,
        int extraHeaderCount,
        int maxObjectNameLength,
        int containerListingLimit,
        int accountListingLimit,
        int maxAccountNameLength,
        int maxContainerNameLength,
        List<String> validApiVersions,
        String autoCreateAccountPrefix) {

    /** Swift 2.30's defaults. */
    public static final SwiftConstraints DEFAULTS = new SwiftConstraints(5368709122L, 128, 256, 90, 4096, 8192, 0,
            1024, 10000, 10000, 256, 256, List.of("v1", "v1.0"), ".");

    /**
     * Reads the known options over the defaults, each looked up alone as Swift's {@code get} does;
     * integers must parse, as Swift lets {@code int()} fail.
     */
    static SwiftConstraints from(Function<String, @Nullable String> options) {
        SwiftConstraints d = DEFAULTS;
        Reader r = new Reader(options);
        return new SwiftConstraints(
                r.longValue("max_file_size", d.maxFileSize),
                r.intValue("max_meta_name_length", d.maxMetaNameLength),
                r.intValue("max_meta_value_length", d.maxMetaValueLength),
                r.intValue("max_meta_count", d.maxMetaCount),
                r.intValue("max_meta_overall_size", d.maxMetaOverallSize),
                r.intValue("max_header_size", d.maxHeaderSize),
                r.intValue("extra_header_count", d.extraHeaderCount),
                r.intValue("max_object_name_length", d.maxObjectNameLength),
                r.intValue("container_listing_limit", d.containerListingLimit),
                r.intValue("account_listing_limit", d.accountListingLimit),
                r.intValue("max_account_name_length", d.maxAccountNameLength),
                r.intValue("max_container_name_length", d.maxContainerNameLength),
                r.list("valid_api_versions", d.validApiVersions),
                r.string("auto_create_account_prefix", d.autoCreateAccountPrefix));
    }

    public SwiftConstraints {
        validApiVersions = List.copyOf(validApiVersions);
        requireNonNull(autoCreateAccountPrefix, "autoCreateAccountPrefix");
    }

    /** Swift's {@code MAX_HEADER_COUNT}: metadata items, 36 of Swift's own, and the extra ones. */
    public int maxHeaderCount() {
        return maxMetaCount + 36 + Math.max(extraHeaderCount, 0);
    }

    private record Reader(Function<String, @Nullable String> options) {

        String string(String key, String fallback) {
            String value = options.apply(key);
            return value == null ? fallback : value;
        }

        List<String> list(String key, List<String> fallback) {
            String value = options.apply(key);
            return value == null ? fallback : PolicySection.listFromCsv(value);
        }

        long longValue(String key, long fallback) {
            String value = options.apply(key);
            if (value == null) {
                return fallback;
            }
            try {
                return Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("swift-constraints: " + key + " " + value + " (expected: an integer)");
            }
        }

        int intValue(String key, int fallback) {
            long value = longValue(key, fallback);
            if (value != (int) value) {
                throw new IllegalArgumentException("swift-constraints: " + key + " " + value
                        + " (expected: at most " + Integer.MAX_VALUE + ")");
            }
            return (int) value;
        }
    }
}
