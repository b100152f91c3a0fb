package io.ringway.middleware.proxylogging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Swift's {@code StrAnonymizer}: what {@code {client_ip.anonymized}} and the other
 * {@code .anonymized} template fields show, {@code {MD5}<hex>} or, with a salt,
 * {@code {SMD5}<hex>} of salt then value.
 *
 * @param method {@code log_anonymization_method}, a Python hashlib name
 * @param salt {@code log_anonymization_salt}
 */
record Anonymizer(String method, String salt) {

    private static final Map<String, String> ALGORITHMS = Map.of(
            "md5", "MD5", "sha1", "SHA-1", "sha224", "SHA-224", "sha256", "SHA-256", "sha384", "SHA-384",
            "sha512", "SHA-512", "sha3_224", "SHA3-224", "sha3_256", "SHA3-256", "sha3_384", "SHA3-384",
            "sha3_512", "SHA3-512");

    Anonymizer {
        method = method.toLowerCase(Locale.ROOT);
        Objects.requireNonNull(salt, "salt");
        if (!ALGORITHMS.containsKey(method)) {
            throw new IllegalArgumentException("logAnonymizationMethod: " + method + " (expected one of "
                    + ALGORITHMS.keySet().stream().sorted().toList() + ")");
        }
    }

    /** The anonymized value; an empty value stays empty (and is logged as {@code -}). */
    String anonymize(String value) {
        if (value.isEmpty()) {
            return value;
        }
        MessageDigest digest = digest();
        // Swift feeds six.b(): latin-1 bytes.
        digest.update(salt.getBytes(StandardCharsets.ISO_8859_1));
        digest.update(value.getBytes(StandardCharsets.ISO_8859_1));
        return "{" + (salt.isEmpty() ? "" : "S") + method.toUpperCase(Locale.ROOT) + "}"
                + HexFormat.of().formatHex(digest.digest());
    }

    private MessageDigest digest() {
        try {
            return MessageDigest.getInstance(ALGORITHMS.get(method));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks " + method, e);
        }
    }
}
