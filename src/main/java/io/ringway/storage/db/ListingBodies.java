package io.ringway.storage.db;

import io.ringway.swift.Timestamp;
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
 * and the dates Swift writes.
 */
public final class ListingBodies {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern(
            "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    /** The XML declaration ElementTree writes, with Swift's double quotes. */
    public static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

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
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Plain listings: one name a line. */
    public static byte[] text(List<String> names) {
        StringBuilder out = new StringBuilder();
        names.forEach(name -> out.append(name).append('\n'));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** ElementTree's text escaping. */
    public static String xmlText(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** ElementTree's attribute escaping. */
    public static String xmlAttribute(String value) {
        return xmlText(value).replace("\"", "&quot;").replace("\r", "&#13;").replace("\n", "&#10;")
                .replace("\t", "&#09;");
    }

    /** {@code <tag>text</tag>}, or {@code <tag />} for empty text as ElementTree writes it. */
    public static void xmlElement(StringBuilder out, String tag, String text) {
        if (text.isEmpty()) {
            out.append('<').append(tag).append(" />");
            return;
        }
        out.append('<').append(tag).append('>').append(xmlText(text)).append("</").append(tag).append('>');
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
