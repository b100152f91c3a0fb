package io.ringway.storage.db;

import io.ringway.swift.SwiftRules;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request's query string, read as Swift's {@code req.params} and {@code get_param} do: pairs
 * split on {@code &}, {@code +} is a space, blank values kept, the last occurrence of a name
 * wins (a {@code dict} of {@code parse_qsl}), and a value that is not valid UTF-8 is refused with Swift's 400 only when asked for.
 */
public final class QueryParams {

    private final Map<String, byte[]> raw;

    private QueryParams(Map<String, byte[]> raw) {
        this.raw = raw;
    }

    public static QueryParams parse(@Nullable String rawQuery) {
        Map<String, byte[]> raw = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return new QueryParams(raw);
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = new String(unquote(equals < 0 ? pair : pair.substring(0, equals)),
                    StandardCharsets.UTF_8);
            byte[] value = equals < 0 ? new byte[0] : unquote(pair.substring(equals + 1));
            raw.put(name, value);
        }
        return new QueryParams(raw);
    }

    /**
     * The decoded value, {@code null} when absent.
     *
     * @throws BackendHttpException Swift's 400 {@code "name" parameter not valid UTF-8}
     */
    public @Nullable String get(String name) {
        byte[] value = raw.get(name);
        if (value == null) {
            return null;
        }
        String decoded = SwiftRules.decodeUtf8(value);
        if (decoded == null) {
            throw BackendHttpException.plain(400, "\"" + name + "\" parameter not valid UTF-8");
        }
        return decoded;
    }

    public String get(String name, String fallback) {
        String value = get(name);
        return value == null ? fallback : value;
    }

    /** Percent-decoding to bytes, with {@code +} as space (Python's {@code unquote_plus}). */
    static byte[] unquote(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '+') {
                out.write(' ');
            } else if (b == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
                out.write(Character.digit(bytes[i + 1], 16) * 16 + Character.digit(bytes[i + 2], 16));
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    /** Percent-decoding of a path to bytes ({@code +} stays itself). */
    static byte[] unquotePath(String text) {
        return unquote(text.replace("+", "%2B"));
    }

    private static boolean isHex(byte b) {
        return Character.digit(b, 16) >= 0;
    }
}
