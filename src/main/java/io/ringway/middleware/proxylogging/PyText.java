package io.ringway.middleware.proxylogging;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * The few Python text operations that shape Swift's log line, ported so that our lines are
 * byte-for-byte Swift's: {@code urllib.parse.quote}, {@code unquote} to bytes,
 * {@code "%.Nf" % float}, {@code repr(float)} and {@code str.title()}.
 */
final class PyText {

    private static final String ALWAYS_SAFE = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-~";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PyText() {
    }

    /** {@code urllib.parse.quote(value, safe)}: UTF-8 bytes, unsafe ones as {@code %XX}. */
    static String quote(String value, String safe) {
        return quote(value.getBytes(StandardCharsets.UTF_8), safe);
    }

    /** {@code quote} of raw bytes (what {@code wsgi_quote} does with a latin-1 WSGI string). */
    static String quote(byte[] bytes, String safe) {
        StringBuilder out = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (ALWAYS_SAFE.indexOf(c) >= 0 || safe.indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
            }
        }
        return out.toString();
    }

    /** {@code unquote} to bytes: {@code %XX} escapes decoded, malformed ones kept as they are. */
    static byte[] unquoteToBytes(String value) {
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
    static String fixed(double value, int digits) {
        return new BigDecimal(value).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** {@code str(float)} (Python's repr): fixed notation for 1e-4 <= |x| < 1e16, else {@code 1e-05}. */
    static String repr(double value) {
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
    static String title(String value) {
        StringBuilder out = new StringBuilder(value.length());
        boolean previousCased = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            out.append(previousCased ? Character.toLowerCase(c) : Character.toUpperCase(c));
            previousCased = Character.isLetter(c);
        }
        return out.toString();
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }
}
