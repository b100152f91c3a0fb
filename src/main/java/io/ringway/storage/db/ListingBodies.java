package io.ringway.storage.db;

import io.ringway.swift.Timestamp;
import io.ringway.swift.listing.ElementTreeXml;
import io.ringway.swift.listing.PythonJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Byte-exact pieces of Swift's listing bodies: Python's {@code json.dumps} (ASCII only, with
 * {@code ", "} and {@code ": "} separators), ElementTree's XML escaping, the plain text form,
 * and the dates Swift writes. The escaping lives in {@code io.ringway.swift.listing}, shared with
 * the proxy's {@code listing_formats} stage.
 */
public final class ListingBodies {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern(
            "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    /** The XML declaration ElementTree writes, with Swift's double quotes. */
    public static final String XML_DECLARATION = ElementTreeXml.DECLARATION;

    private ListingBodies() {
    }

    /** A list of JSON objects; values are strings or numbers, keys kept in map order. */
    public static byte[] json(List<? extends Map<String, ?>> records) {
        StringBuilder out = new StringBuilder(64 * records.size() + 2).append('[');
        for (int i = 0; i < records.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, ?> field : records.get(i).entrySet()) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                jsonString(out, field.getKey());
                out.append(": ");
                Object value = field.getValue();
                if (value instanceof Number) {
                    out.append(value);
                } else {
                    jsonString(out, String.valueOf(value));
                }
            }
            out.append('}');
        }
        return out.append(']').toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Python's {@code json.dumps} string with {@code ensure_ascii=True}. */
    static void jsonString(StringBuilder out, String value) {
        PythonJson.string(out, value);
    }

    /** Plain listings: one name a line. */
    public static byte[] text(List<String> names) {
        StringBuilder out = new StringBuilder();
        names.forEach(name -> out.append(name).append('\n'));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** ElementTree's text escaping. */
    public static String xmlText(String value) {
        return ElementTreeXml.text(value);
    }

    /** ElementTree's attribute escaping. */
    public static String xmlAttribute(String value) {
        return ElementTreeXml.attribute(value);
    }

    /** {@code <tag>text</tag>}, or {@code <tag />} for empty text as ElementTree writes it. */
    public static void xmlElement(StringBuilder out, String tag, String text) {
        ElementTreeXml.element(out, tag, text);
    }

    /** Swift's {@code Timestamp.isoformat}: UTC, microseconds, no zone: {@code 2023-11-14T22:13:22.123450}. */
    public static String isoformat(Timestamp timestamp) {
        long micros = (timestamp.raw() % 100_000L) * 10;
        return ISO.format(Instant.ofEpochSecond(timestamp.seconds())) + String.format(Locale.ROOT, ".%06d", micros);
    }

    /** {@code Last-Modified}: the timestamp rounded up to whole seconds ({@code Timestamp.ceil}). */
    public static String lastModified(Timestamp timestamp) {
        long seconds = (timestamp.raw() + 99_999L) / 100_000L;
        return HTTP_DATE.format(Instant.ofEpochSecond(seconds));
    }
}
