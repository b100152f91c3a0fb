package io.ringway.swift;

import io.ringway.swift.listing.PythonJson;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * The Python text operations whose output Swift's clients and tests see word for word, ported so
 * that Ringway's text is byte for byte Swift's: {@code urllib.parse.quote}, {@code unquote} to
 * bytes, {@code "%.Nf" % float}, {@code repr(float)}, {@code str.title()} (log lines), and
 * {@code repr(str)} and {@code json.dumps(str)} (error messages), and {@code wsgi_to_str} (header bytes).
 */
public final class PythonText {

    private static final boolean[] ALWAYS_SAFE = new boolean[128];
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    static {
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-~".chars().forEach(c -> ALWAYS_SAFE[c] = true);
    }

    private PythonText() {
    }

    /** {@code urllib.parse.quote(value, safe)}: UTF-8 bytes, unsafe ones as {@code %XX}. */
    public static String quote(String value, String safe) {
        // Most values (every field of most access log lines) need no quoting: no copy for them.
        for (int i = 0; i < value.length(); i++) {
            if (!isSafe(value.charAt(i), safe)) {
                return quote(value.getBytes(StandardCharsets.UTF_8), safe);
            }
        }
        return value;
    }

    private static boolean isSafe(char c, String safe) {
        return c < 0x80 && (ALWAYS_SAFE[c] || safe.indexOf(c) >= 0);
    }

    /** {@code quote} of raw bytes (what {@code wsgi_quote} does with a latin-1 WSGI string). */
    public static String quote(byte[] bytes, String safe) {
        StringBuilder out = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            char c = (char) (b & 0xff);
            if (isSafe(c, safe)) {
                out.append(c);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
            }
        }
        return out.toString();
    }

    /**
     * Swift's {@code wsgi_to_str}: a header value as Netty reads it (one char per byte, like a
     * WSGI string) read back as the UTF-8 text the client meant, so {@code text/\u00c3\u00a4} (the
     * bytes of "text/ä") is "text/ä". Bytes that are not UTF-8 become U+FFFD (Python keeps them
     * as surrogate escapes).
     */
    public static String wsgiToStr(String wsgi) {
        return new String(wsgi.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    /** {@code unquote} to bytes: {@code %XX} escapes decoded, malformed ones kept as they are. */
    public static byte[] unquoteToBytes(String value) {
        byte[] in = value.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '%' && i + 2 < in.length && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
                out.write(hex(in[i + 1]) << 4 | hex(in[i + 2]));
                i += 2;
            } else {
                out.write(in[i]);
            }
        }
        return out.toByteArray();
    }

    /** {@code "%.<digits>f" % value}: the exact binary value rounded half-even, as C's printf does. */
    public static String fixed(double value, int digits) {
        return new BigDecimal(value).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** {@code str(float)} (Python's repr): fixed notation for 1e-4 <= |x| < 1e16, else {@code 1e-05}. */
    public static String repr(double value) {
        if (value == 0) {
            return "0.0";
        }
        BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        int exponent = decimal.precision() - decimal.scale() - 1;
        if (exponent >= -4 && exponent < 16) {
            String plain = decimal.toPlainString();
            return plain.indexOf('.') >= 0 ? plain : plain + ".0";
        }
        String digits = decimal.unscaledValue().abs().toString();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String sign = value < 0 ? "-" : "";
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }

    /** {@code str.title()}: upper case after every non-letter, lower case elsewhere. */
    public static String title(String value) {
        StringBuilder out = new StringBuilder(value.length());
        boolean previousCased = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            out.append(previousCased ? Character.toLowerCase(c) : Character.toUpperCase(c));
            previousCased = Character.isLetter(c);
        }
        return out.toString();
    }

    /** {@code repr(value)}: single quotes, or double quotes when only those avoid escaping. */
    public static String repr(String value) {
        char quote = value.indexOf('\'') >= 0 && value.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder(value.length() + 2).append(quote);
        value.codePoints().forEach(c -> {
            if (c == quote || c == '\\') {
                out.append('\\').appendCodePoint(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append(quote).toString();
    }

    /** {@code json.dumps(value)} with Python's default {@code ensure_ascii=True}. */
    public static String jsonString(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2);
        PythonJson.string(out, value);
        return out.toString();
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }
}
