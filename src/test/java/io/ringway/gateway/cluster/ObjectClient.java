package io.ringway.gateway.cluster;

import static java.util.Objects.requireNonNull;

import io.ringway.testing.http.RawHttpClient;
import io.ringway.testing.http.RawRequest;
import io.ringway.testing.http.RawResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A Swift API client of one container through the gateway, for the fault tests: whole requests
 * with raw HTTP (what a client sends, byte for byte), fresh object names, seeded content, MD5s.
 */
public final class ObjectClient {

    private static final AtomicInteger NAMES = new AtomicInteger();

    private final RawHttpClient http;
    private final String account;
    private final String container;

    public ObjectClient(RawHttpClient http, String account, String container) {
        this.http = requireNonNull(http, "http");
        this.account = requireNonNull(account, "account");
        this.container = requireNonNull(container, "container");
    }

    /** The raw client of the gateway. */
    public RawHttpClient http() {
        return http;
    }

    /** A name no other test used. */
    public static String newName() {
        return "o-" + NAMES.incrementAndGet() + "-" + System.nanoTime();
    }

    /** {@code /v1/account/container/name}. */
    public String path(String name) {
        return "/v1/" + account + "/" + container + "/" + name;
    }

    /** {@code /v1/account/container}. */
    public String containerPath() {
        return "/v1/" + account + "/" + container;
    }

    public RawResponse put(String name, byte[] content) {
        return http.send(RawRequest.of("PUT", path(name))
                .headers("Host", "127.0.0.1", "Content-Type", "application/octet-stream",
                        "Content-Length", Integer.toString(content.length))
                .rawBody(content));
    }

    public RawResponse get(String name, String... headers) {
        return http.send(RawRequest.of("GET", path(name)).header("Host", "127.0.0.1").headers(headers));
    }

    public RawResponse send(String method, String path, String... headers) {
        return http.send(RawRequest.of(method, path).header("Host", "127.0.0.1").headers(headers));
    }

    /** {@code size} pseudo-random bytes from {@code seed}. */
    public static byte[] bytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    public static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls for up to 15 seconds: servers, updaters and closed connections act on their own time. */
    public static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return condition.getAsBoolean();
    }

    /** How long {@code action} took. */
    public static <T> Timed<T> timed(java.util.function.Supplier<T> action) {
        long start = System.nanoTime();
        T result = action.get();
        return new Timed<>(result, Duration.ofNanos(System.nanoTime() - start));
    }

    /** A result and how long it took. */
    public record Timed<T>(T result, Duration took) {
    }
}
