package io.ringway.middleware.listingformats;

import io.ringway.swift.SwiftRules;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code format} parameter of a listing request's raw query, read as Swift's
 * {@code req.params} ({@code parse_qsl} with blank values, the last occurrence wins), and the
 * query rewritten to ask the rest of the pipeline for JSON.
 */
final class FormatQuery {

    private static final String NAME = "format";

    private final List<String> others;
    private final byte @Nullable [] format;

    private FormatQuery(List<String> others, byte @Nullable [] format) {
        this.others = others;
        this.format = format;
    }

    static FormatQuery parse(@Nullable String rawQuery) {
        List<String> others = new ArrayList<>();
        byte[] format = null;
        if (rawQuery == null || rawQuery.isEmpty()) {
            return new FormatQuery(others, null);
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = new String(unquote(equals < 0 ? pair : pair.substring(0, equals)), StandardCharsets.UTF_8);
            if (!name.equals(NAME)) {
                others.add(pair);
                continue;
            }
            format = equals < 0 ? new byte[0] : unquote(pair.substring(equals + 1));
        }
        return new FormatQuery(others, format);
    }

    /** Whether the client named a format at all (then the answer does not vary on Accept). */
    boolean hasFormat() {
        return format != null;
    }

    /**
     * The decoded {@code format} value, {@code null} when absent.
     *
     * @throws IllegalArgumentException when it is not UTF-8 (Swift's 400)
     */
    @Nullable String format() {
        byte[] value = format;
        if (value == null) {
            return null;
        }
        String decoded = SwiftRules.decodeUtf8(value);
        if (decoded == null) {
            throw new IllegalArgumentException("\"format\" parameter not valid UTF-8");
        }
        return decoded;
    }

    /** The query with every {@code format} replaced by one {@code format=json} at the end. */
    String asJson() {
        List<String> pairs = new ArrayList<>(others);
        pairs.removeIf(String::isEmpty);
        pairs.add(NAME + "=json");
        return String.join("&", pairs);
    }

    // Python's unquote_plus to bytes: '+' is a space, bad escapes stay as they are.
    private static byte[] unquote(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '+') {
                out.write(' ');
            } else if (b == '%' && i + 2 < bytes.length && hex(bytes[i + 1]) >= 0 && hex(bytes[i + 2]) >= 0) {
                out.write(hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]));
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }
}
