package io.ringway.federation.s3;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS signature version 4 for S3 requests, in the {@code Authorization} header: the canonical
 * request (method, path, sorted query, the signed headers, the payload's hash) hashed into a
 * string to sign, signed with a key derived from the secret for the day, region and service.
 * Bodies are sent as {@value #UNSIGNED_PAYLOAD} so they stream without being read twice; a
 * bodiless request signs the empty payload's hash.
 */
final class SigV4 {

    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    static final String EMPTY_PAYLOAD = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();
    private static final Pattern SPACES = Pattern.compile(" {2,}");
    // Per thread (the event loops): getInstance looks the algorithm up among the providers each time.
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });
    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private final String accessKey;
    private final String secretKey;
    private final String region;
    private final String service;
    /** The signing key of the last day signed for: one derivation a day, not one a request. */
    private final AtomicReference<DayKey> dayKey = new AtomicReference<>(new DayKey("", new byte[0]));
    /** The date stamp of the last second signed in: formatted once a second, not once a request. */
    private volatile Stamp lastStamp = new Stamp(Long.MIN_VALUE, "");

    private record DayKey(String day, byte[] key) {
    }

    private record Stamp(long second, String text) {
    }

    SigV4(String accessKey, String secretKey, String region, String service) {
        this.accessKey = requireNonNull(accessKey, "accessKey");
        this.secretKey = requireNonNull(secretKey, "secretKey");
        this.region = requireNonNull(region, "region");
        this.service = requireNonNull(service, "service");
    }

    /**
     * The headers to add to a request: {@code x-amz-date}, {@code x-amz-content-sha256} and
     * {@code Authorization}, signing {@code headers} (which must hold {@code host}) and those two.
     *
     * @param canonicalPath the path as sent, each segment already URI-encoded
     * @param query the query's parameters, not encoded
     * @param headers the headers to sign, by name
     * @param payloadHash the body's SHA-256 in hex, {@link #EMPTY_PAYLOAD} or {@link #UNSIGNED_PAYLOAD}
     */
    Map<String, String> sign(String method, String canonicalPath, Map<String, String> query,
            Map<String, String> headers, String payloadHash, Instant now) {
        String stamp = stamp(now);
        String day = stamp.substring(0, 8);
        SortedMap<String, String> signed = new TreeMap<>();
        headers.forEach((name, value) -> signed.put(name.toLowerCase(Locale.ROOT), SPACES.matcher(value.strip()).replaceAll(" ")));
        signed.put("x-amz-date", stamp);
        signed.put("x-amz-content-sha256", payloadHash);
        String signedNames = String.join(";", signed.keySet());
        StringBuilder canonical = new StringBuilder(method).append('\n')
                .append(canonicalPath).append('\n')
                .append(canonicalQuery(query)).append('\n');
        signed.forEach((name, value) -> canonical.append(name).append(':').append(value).append('\n'));
        canonical.append('\n').append(signedNames).append('\n').append(payloadHash);
        String scope = day + "/" + region + "/" + service + "/aws4_request";
        String toSign = ALGORITHM + "\n" + stamp + "\n" + scope + "\n" + HEX.formatHex(sha256(canonical.toString()));
        String signature = HEX.formatHex(hmac(signingKey(day), toSign));
        return Map.of("x-amz-date", stamp, "x-amz-content-sha256", payloadHash,
                "Authorization", ALGORITHM + " Credential=" + accessKey + "/" + scope + ", SignedHeaders="
                        + signedNames + ", Signature=" + signature);
    }

    private String stamp(Instant now) {
        Stamp last = lastStamp;
        if (last.second != now.getEpochSecond()) {
            last = new Stamp(now.getEpochSecond(), STAMP.format(now));
            lastStamp = last;
        }
        return last.text;
    }

    private byte[] signingKey(String day) {
        DayKey current = dayKey.get();
        if (current.day.equals(day)) {
            return current.key;
        }
        byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), day);
        for (String part : List.of(region, service, "aws4_request")) {
            key = hmac(key, part);
        }
        dayKey.set(new DayKey(day, key));
        return key;
    }

    /** The query's parameters sorted by encoded name, then value, each encoded as S3 wants. */
    static String canonicalQuery(Map<String, String> query) {
        SortedMap<String, String> sorted = new TreeMap<>();
        query.forEach((name, value) -> sorted.put(encode(name, true), encode(value, true)));
        StringBuilder out = new StringBuilder();
        sorted.forEach((name, value) -> {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(name).append('=').append(value);
        });
        return out.toString();
    }

    /**
     * RFC 3986 encoding as AWS wants it: every byte but the unreserved characters
     * ({@code A-Z a-z 0-9 - _ . ~}) as {@code %XX}, and {@code /} too unless {@code slash} is false.
     */
    static String encode(String value, boolean slash) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                    || c == '.' || c == '~' || c == '/' && !slash) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static byte[] sha256(String text) {
        return SHA256.get().digest(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = HMAC.get();
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
