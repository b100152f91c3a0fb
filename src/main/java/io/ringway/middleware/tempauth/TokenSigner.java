package io.ringway.middleware.tempauth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Signed, stateless tokens: {@code <prefix>tk} followed by base64url of the expiry and the
 * user's groups, then base64url of an HMAC-SHA256 over the prefix and that payload. Any
 * replica with the same secret validates them; none stores them (Swift keeps tokens in
 * memcache instead).
 *
 * <p>Swift hands out the same token again until it expires. Without state this holds because
 * expiry times are not chosen at issue but fall on a fixed per-user schedule (every
 * {@code token_life} from an offset derived from the secret and the user), so the token of a
 * user with unchanged groups is the same until the next point of that schedule. As in Swift, a
 * token fetched just before its expiry lives only for the rest of that time.
 */
final class TokenSigner {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAC_CHARS = 43; // 32 bytes in unpadded base64url
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final String prefix;
    private final long lifeSeconds;
    private final Clock clock;
    /**
     * One keyed Mac per thread: every request with a token checks its signature, and looking up
     * the provider and setting up the key each time cost more than the HMAC itself.
     */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    TokenSigner(byte[] secret, String resellerPrefix, long lifeSeconds, Clock clock) {
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
        this.prefix = Objects.requireNonNull(resellerPrefix, "resellerPrefix") + "tk";
        this.lifeSeconds = lifeSeconds;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A token for these groups, valid until the next expiry point of the user's schedule. */
    Issued issue(String accountUser, List<String> groups) {
        long now = clock.instant().getEpochSecond();
        long offset = Math.floorMod(ByteBuffer.wrap(mac(("schedule\n" + accountUser).getBytes(StandardCharsets.UTF_8)))
                .getLong(), lifeSeconds);
        long expires = now - Math.floorMod(now - offset, lifeSeconds) + lifeSeconds;
        byte[] payload = (expires + "\n" + String.join(",", groups)).getBytes(StandardCharsets.UTF_8);
        String token = prefix + ENCODER.encodeToString(payload) + ENCODER.encodeToString(signature(payload));
        return new Issued(token, expires, expires - now);
    }

    /** The groups of a valid, unexpired token, or {@code null} for anything else. */
    @Nullable List<String> groups(String token) {
        if (!token.startsWith(prefix) || token.length() <= prefix.length() + MAC_CHARS) {
            return null;
        }
        byte[] payload;
        byte[] given;
        try {
            payload = DECODER.decode(token.substring(prefix.length(), token.length() - MAC_CHARS));
            given = DECODER.decode(token.substring(token.length() - MAC_CHARS));
        } catch (IllegalArgumentException e) {
            return null;
        }
        // Compare in constant time, so that timing does not reveal how much of a forgery matched.
        if (!MessageDigest.isEqual(given, signature(payload))) {
            return null;
        }
        String text = new String(payload, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        if (newline < 0) {
            return null;
        }
        long expires;
        try {
            expires = Long.parseLong(text.substring(0, newline));
        } catch (NumberFormatException e) {
            return null;
        }
        if (expires <= clock.instant().getEpochSecond()) {
            return null;
        }
        List<String> groups = Arrays.asList(text.substring(newline + 1).split(","));
        return groups.get(0).isEmpty() ? null : List.copyOf(groups);
    }

    // The prefix is signed too: a token of one reseller prefix is not one of another.
    private byte[] signature(byte[] payload) {
        byte[] prefixBytes = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[prefixBytes.length + 1 + payload.length];
        System.arraycopy(prefixBytes, 0, signed, 0, prefixBytes.length);
        signed[prefixBytes.length] = '\n';
        System.arraycopy(payload, 0, signed, prefixBytes.length + 1, payload.length);
        return mac(signed);
    }

    private byte[] mac(byte[] data) {
        // doFinal leaves the Mac ready for the next message with the same key.
        return macs.get().doFinal(data);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** A token with its expiry (epoch seconds) and the seconds left. */
    record Issued(String token, long expires, long secondsLeft) {
    }
}
