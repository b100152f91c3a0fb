package io.ringway.cluster;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/** Fresh names (the cluster outlives test runs) and seeded bodies with their MD5s. */
final class Names {

    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    private Names() {
    }

    /** A name no other test of any run used: {@code <what>-<run>-<n>}. */
    static String unique(String what) {
        return what + "-" + RUN + "-" + COUNT.incrementAndGet();
    }

    /** {@code size} bytes of seeded noise. */
    static byte[] bytes(int size, long seed) {
        byte[] body = new byte[size];
        new Random(seed).nextBytes(body);
        return body;
    }

    static String md5(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
