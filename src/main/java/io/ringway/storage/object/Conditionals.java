package io.ringway.storage.object;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * swob's conditional response rules ({@code Response._get_conditional_response_status}) for GET and
 * HEAD: {@code If-None-Match} then {@code If-Match} against the ETag, {@code If-Match: *} on a
 * missing object, then {@code If-Modified-Since} and {@code If-Unmodified-Since} against
 * {@code Last-Modified} in whole seconds. Unparseable dates are ignored, as swob does.
 */
final class Conditionals {

    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.US).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter RFC_850 =
            DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private Conditionals() {
    }

    /**
     * The status swob would answer instead of the object (304 or 412), or 0 to answer it.
     *
     * @param etag the object's ETag without quotes
     * @param lastModifiedSeconds {@code Last-Modified} in seconds since the epoch
     */
    static int statusFor(HttpHeaders request, String etag, long lastModifiedSeconds) {
        Set<String> ifNoneMatch = tags(request.getFirst("If-None-Match"));
        if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
            return 304;
        }
        Set<String> ifMatch = tags(request.getFirst("If-Match"));
        if (ifMatch != null && !matches(ifMatch, etag)) {
            return 412;
        }
        Long since = httpDate(request.getFirst("If-Modified-Since"));
        if (since != null && lastModifiedSeconds <= since) {
            return 304;
        }
        Long unmodifiedSince = httpDate(request.getFirst("If-Unmodified-Since"));
        if (unmodifiedSince != null && lastModifiedSeconds > unmodifiedSince) {
            return 412;
        }
        return 0;
    }

    /** Whether a 404 must become 412: {@code If-Match: *} and nothing there (RFC 2616 14.24). */
    static boolean missingFailsIfMatch(HttpHeaders request) {
        Set<String> ifMatch = tags(request.getFirst("If-Match"));
        return ifMatch != null && ifMatch.contains("*");
    }

    /** swob's {@code Match}: the comma-separated tags with surrounding quotes removed. */
    static @Nullable Set<String> tags(@Nullable String header) {
        if (header == null) {
            return null;
        }
        Set<String> tags = new HashSet<>();
        for (String tag : header.split(",")) {
            String trimmed = tag.strip();
            if (!trimmed.isEmpty()) {
                tags.add(normalizeEtag(trimmed));
            }
        }
        return tags;
    }

    static boolean matches(Set<String> tags, String etag) {
        return tags.contains("*") || tags.contains(normalizeEtag(etag));
    }

    /** Swift's {@code normalize_etag}: drops one pair of surrounding double quotes. */
    static String normalizeEtag(String tag) {
        if (tag.length() > 1 && tag.startsWith("\"") && tag.endsWith("\"")) {
            return tag.substring(1, tag.length() - 1);
        }
        return tag;
    }

    /** An HTTP date (RFC 1123, RFC 850 or asctime) in epoch seconds, or {@code null} when unparseable. */
    static @Nullable Long httpDate(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        for (DateTimeFormatter format : new DateTimeFormatter[] {DateTimeFormatter.RFC_1123_DATE_TIME, RFC_850, ASCTIME}) {
            try {
                return ZonedDateTime.parse(text, format).toEpochSecond();
            } catch (DateTimeParseException e) {
                // try the next format, as email.utils.parsedate tries several
            }
        }
        return null;
    }

    /** {@code Last-Modified} as swob formats it: {@code %a, %d %b %Y %H:%M:%S GMT}. */
    static String formatHttpDate(long epochSeconds) {
        return DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
                .format(java.time.Instant.ofEpochSecond(epochSeconds).atZone(ZoneOffset.UTC));
    }
}
