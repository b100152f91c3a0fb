package io.ringway.storage.conformance;

import static java.util.Objects.requireNonNull;

import io.ringway.testing.http.RawRequest;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The requests sequences send to one account, container or object path, as Swift's proxy
 * sends them (PUT, POST and DELETE carry {@code X-Timestamp}), and the values steps share.
 *
 * @param path the path with its placeholders ({@code /{dev}/0/{a}/c})
 */
record SwiftResource(String path) {

    SwiftResource {
        requireNonNull(path, "path");
    }

    RawRequest put(String timestamp) {
        return RawRequest.of("PUT", path).header("X-Timestamp", timestamp);
    }

    RawRequest post(String timestamp) {
        return RawRequest.of("POST", path).header("X-Timestamp", timestamp);
    }

    RawRequest delete(String timestamp) {
        return RawRequest.of("DELETE", path).header("X-Timestamp", timestamp);
    }

    RawRequest head() {
        return RawRequest.of("HEAD", path);
    }

    /** A GET of the path followed by {@code query} (empty, or starting with {@code ?}). */
    RawRequest get(String query) {
        return RawRequest.of("GET", path + query);
    }

    /** 20 values of 250 bytes: past Swift's max_meta_overall_size (4096) but within the other limits. */
    static RawRequest tooMuchMetadata(RawRequest request, String prefix) {
        RawRequest big = request;
        for (int i = 0; i < 20; i++) {
            big = big.header(prefix + "K" + i, "v".repeat(250));
        }
        return big;
    }

    /** The hex MD5 of the UTF-8 bytes, as Swift's ETags. */
    static String md5(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return String.format("%032x", new BigInteger(1, digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
