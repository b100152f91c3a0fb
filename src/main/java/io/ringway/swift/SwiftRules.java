package io.ringway.swift;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Swift's small value rules shared by the proxy edge and the storage node: Python's {@code int()}
 * on header text, {@code check_utf8}, {@code config_true_value} and
 * {@code normalize_delete_at_timestamp}. Header text is the bytes the client sent read as
 * ISO-8859-1, as in Swift's WSGI strings.
 */
public final class SwiftRules {

    /** The latest {@code X-Delete-At} Swift keeps (November 2286), so the expirer's names stay ten digits. */
    private static final long MAX_DELETE_AT = 9_999_999_999L;

    private SwiftRules() {
    }

    /**
     * Python's {@code int(text)} for decimal text: surrounding blanks, a sign, underscores between
     * digits; null when not an integer or outside a {@code long}.
     */
    public static @Nullable Long pythonInt(String text) {
        BigInteger value = pythonBigInt(text);
        if (value == null || value.bitLength() > 63) {
            return null;
        }
        return value.longValue();
    }

    /** Python's {@code int(text)} without a size limit, as Python's integers have none; null when not one. */
    public static @Nullable BigInteger pythonBigInt(String text) {
        String trimmed = text.strip();
        boolean negative = trimmed.startsWith("-");
        if (negative || trimmed.startsWith("+")) {
            trimmed = trimmed.substring(1);
        }
        if (trimmed.isEmpty() || trimmed.startsWith("_") || trimmed.endsWith("_") || trimmed.contains("__")) {
            return null;
        }
        String digits = trimmed.replace("_", "");
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        BigInteger value = new BigInteger(digits);
        return negative ? value.negate() : value;
    }

    /** Swift's {@code check_utf8}: the bytes (as ISO-8859-1 text) are non-empty valid UTF-8 without NUL. */
    public static boolean isUtf8(String latin1) {
        return isUtf8(latin1.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Swift's {@code check_utf8} on bytes: non-empty valid UTF-8 without NUL (Swift's reserved byte). */
    public static boolean isUtf8(byte[] bytes) {
        String decoded = bytes.length == 0 ? null : decodeUtf8(bytes);
        return decoded != null && decoded.indexOf('\0') < 0;
    }

    /** {@code bytes} decoded as UTF-8 as Python 3 decodes them, or null where it would raise. */
    public static @Nullable String decodeUtf8(byte[] bytes) {
        try {
            // Java's decoder rejects encoded surrogates as Python 3's does.
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Swift's {@code config_true_value}. */
    public static boolean isTrue(@Nullable String value) {
        if (value == null) {
            return false;
        }
        String lower = value.strip().toLowerCase(Locale.ROOT);
        return lower.equals("true") || lower.equals("1") || lower.equals("yes") || lower.equals("on")
                || lower.equals("t") || lower.equals("y");
    }

    /** Swift's {@code normalize_delete_at_timestamp} for an integer: ten digits, clamped. */
    public static String normalizeDeleteAt(long at) {
        return String.format(Locale.ROOT, "%010d", Math.min(Math.max(0, at), MAX_DELETE_AT));
    }

    /**
     * {@link #normalizeDeleteAt(long)} for any integer: Swift clamps {@code X-Delete-At: 111...1}
     * (100 digits) to {@code 9999999999} rather than refusing it.
     */
    public static String normalizeDeleteAt(BigInteger at) {
        return normalizeDeleteAt(at.max(BigInteger.ZERO).min(BigInteger.valueOf(MAX_DELETE_AT)).longValueExact());
    }
}
