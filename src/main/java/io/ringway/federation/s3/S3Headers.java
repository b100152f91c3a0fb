package io.ringway.federation.s3;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * An object's headers both ways: Swift's {@code X-Object-Meta-*} are S3's {@code x-amz-meta-*},
 * Swift's {@code X-Delete-At} is kept as {@value #DELETE_AT_META} (S3 has no expiry of its own
 * per object: the gateway answers 404 once it passed, as Swift's object servers do before the
 * expirer runs), and the headers both keep as they are pass unchanged. An S3 ETag loses its
 * quotes, as Swift's have none.
 */
final class S3Headers {

    static final String META = "x-amz-meta-";
    /** The user metadata that holds Swift's {@code X-Delete-At}. */
    static final String DELETE_AT_META = META + "ringway-delete-at";
    private static final String SWIFT_META = "x-object-meta-";
    /** Swift's {@code allowed_headers} that S3 keeps as system metadata. */
    private static final List<String> PASSED = List.of("content-type", "content-disposition", "content-encoding",
            "cache-control", "content-language", "expires");
    /** What an object GET or HEAD answer carries besides metadata. */
    private static final List<String> ANSWERED = List.of("content-type", "content-length", "content-range",
            "accept-ranges", "last-modified", "content-disposition", "content-encoding", "cache-control",
            "content-language", "expires");
    private static final List<String> MONTHS = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
            "Oct", "Nov", "Dec");
    private static final List<String> CONDITIONS = List.of("range", "if-match", "if-none-match", "if-modified-since",
            "if-unmodified-since");

    private S3Headers() {
    }

    /**
     * The S3 headers of an object PUT (or of the copy that replaces an object's metadata): the
     * metadata, the passed headers, and {@code X-Delete-At}.
     */
    static Map<String, String> written(HttpHeaders swift) {
        Map<String, String> s3 = new LinkedHashMap<>();
        swift.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith(SWIFT_META) && lower.length() > SWIFT_META.length() && !values.isEmpty()) {
                s3.put(META + lower.substring(SWIFT_META.length()), values.get(0));
            } else if (PASSED.contains(lower) && !values.isEmpty()) {
                s3.put(lower, values.get(0));
            }
        });
        String deleteAt = swift.getFirst("X-Delete-At");
        if (deleteAt != null && !deleteAt.isEmpty()) {
            s3.put(DELETE_AT_META, deleteAt);
        }
        return s3;
    }

    /** The conditions and range of a GET or HEAD, ETags quoted as S3 compares them. */
    static Map<String, String> conditions(HttpHeaders swift) {
        Map<String, String> s3 = new LinkedHashMap<>();
        for (String name : CONDITIONS) {
            String value = swift.getFirst(name);
            if (value != null) {
                s3.put(name, name.equals("if-match") || name.equals("if-none-match") ? quoteEtags(value) : value);
            }
        }
        return s3;
    }

    /** {@code "a", b, *} as {@code "a", "b", *}. */
    static String quoteEtags(String list) {
        StringBuilder out = new StringBuilder();
        for (String part : list.split(",")) {
            String etag = part.strip();
            if (etag.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append(", ");
            }
            boolean bare = !etag.equals("*") && !etag.startsWith("\"") && !etag.startsWith("W/");
            out.append(bare ? "\"" + etag + "\"" : etag);
        }
        return out.toString();
    }

    /** Swift's ETag of a PUT (32 hex digits) as S3's {@code Content-MD5}, or null when it is not one. */
    static @Nullable String contentMd5(String etag) {
        String hex = ListPage.unquote(etag.strip());
        if (hex.length() != 32) {
            return null;
        }
        try {
            return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The Swift headers of an object GET or HEAD answer. */
    static HttpHeaders read(HttpHeaders s3) {
        HttpHeaders swift = new HttpHeaders();
        s3.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals(DELETE_AT_META)) {
                swift.put("X-Delete-At", values);
            } else if (lower.startsWith(META)) {
                swift.put("X-Object-Meta-" + title(lower.substring(META.length())), values);
            } else if (ANSWERED.contains(lower)) {
                swift.put(name, values);
            }
        });
        String etag = s3.getFirst(HttpHeaders.ETAG);
        if (etag != null) {
            swift.set(HttpHeaders.ETAG, ListPage.unquote(etag));
        }
        String modified = s3.getFirst(HttpHeaders.LAST_MODIFIED);
        if (modified != null) {
            String timestamp = timestamp(modified);
            if (timestamp != null) {
                swift.set("X-Timestamp", timestamp);
            }
        }
        return swift;
    }

    /** Swift's {@code X-Timestamp} ({@code 1700000000.00000}) of an HTTP date. */
    static @Nullable String timestamp(String httpDate) {
        long seconds = fixdateSeconds(httpDate);
        if (seconds < 0) {
            try {
                seconds = ZonedDateTime.parse(httpDate, DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return seconds + ".00000";
    }

    /**
     * The epoch seconds of an IMF-fixdate ({@code Sun, 06 Nov 1994 08:49:37 GMT}, what S3 servers
     * send), or -1 for any other form. Read by hand: every forwarded GET and HEAD has one, and
     * {@code DateTimeFormatter} took a few microseconds of each (docs/performance.md).
     */
    static long fixdateSeconds(String date) {
        if (date.length() != 29 || date.charAt(3) != ',' || date.charAt(4) != ' ' || date.charAt(7) != ' '
                || date.charAt(11) != ' ' || date.charAt(16) != ' ' || date.charAt(19) != ':'
                || date.charAt(22) != ':' || !date.endsWith(" GMT")) {
            return -1;
        }
        int month = MONTHS.indexOf(date.substring(8, 11)) + 1;
        int day = digits(date, 5, 2);
        int year = digits(date, 12, 4);
        int hour = digits(date, 17, 2);
        int minute = digits(date, 20, 2);
        int second = digits(date, 23, 2);
        if (month == 0 || day < 1 || day > 31 || year < 0 || hour > 23 || minute > 59 || second > 60) {
            return -1;
        }
        try {
            return LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3600L + minute * 60L + second;
        } catch (DateTimeException e) {
            return -1;
        }
    }

    /** The number in {@code count} decimal digits at {@code from}, or -1000 when one is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1000;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Whether the object's {@code X-Delete-At} (from {@link #read}) passed at {@code nowSeconds}. */
    static boolean expired(HttpHeaders swift, long nowSeconds) {
        String deleteAt = swift.getFirst("X-Delete-At");
        if (deleteAt == null) {
            return false;
        }
        try {
            return Long.parseLong(deleteAt.strip()) <= nowSeconds;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A metadata name as Swift's answers give it: Python's {@code str.title()}. */
    static String title(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean previousCased = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean cased = Character.isUpperCase(c) || Character.isLowerCase(c);
            out.append(cased ? previousCased ? Character.toLowerCase(c) : Character.toUpperCase(c) : c);
            previousCased = cased;
        }
        return out.toString();
    }
}
