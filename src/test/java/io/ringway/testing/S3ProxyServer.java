package io.ringway.testing;

import static java.util.Objects.requireNonNull;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * s3proxy (Maven Central's {@code org.gaul:s3proxy}, copied to {@code target/s3proxy} by the
 * build) as a real S3 server on loopback: a child JVM of its own, its objects in a directory
 * ({@code filesystem-nio2}), signature V4 with {@link #ACCESS_KEY} and {@link #SECRET_KEY}. It
 * can be killed, as a cluster that dies.
 */
public final class S3ProxyServer implements AutoCloseable {

    public static final String ACCESS_KEY = "ringway-access";
    public static final String SECRET_KEY = "ringway-secret";
    private static final long START_MILLIS = 60_000;

    private final Process process;
    private final int port;
    private final boolean https;
    private final Path log;

    /** A key store (PKCS12) holding the server's certificate and key, for https. */
    public record Tls(Path keyStore, String password) {
    }

    private S3ProxyServer(Process process, int port, boolean https, Path log) {
        this.process = requireNonNull(process, "process");
        this.port = port;
        this.https = https;
        this.log = requireNonNull(log, "log");
    }

    /** Starts s3proxy on a free port, its objects and log under {@code dir}; returns once it answers. */
    public static S3ProxyServer start(Path dir) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return start(dir, port);
    }

    /** Starts s3proxy on {@code port} (a restart after a kill keeps its port and its objects). */
    public static S3ProxyServer start(Path dir, int port) throws IOException, InterruptedException {
        return start(dir, port, null);
    }

    /** Starts s3proxy on a free port, on https with the certificate of {@code tls}. */
    public static S3ProxyServer startTls(Path dir, Tls tls) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return start(dir, port, tls);
    }

    private static S3ProxyServer start(Path dir, int port, Tls tls) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("ringway.s3proxy.jar", "target/s3proxy/s3proxy.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: ./mvnw verify copies it in pre-integration-test"
                    + " (or ./mvnw dependency:copy@s3proxy)");
        }
        Path data = Files.createDirectories(dir.resolve("data"));
        Path properties = dir.resolve("s3proxy.conf");
        String endpoint = tls == null
                ? "s3proxy.endpoint=http://127.0.0.1:" + port
                : "s3proxy.secure-endpoint=https://127.0.0.1:" + port + "\ns3proxy.keystore-path=" + tls.keyStore()
                        + "\ns3proxy.keystore-password=" + tls.password();
        Files.writeString(properties, String.join("\n",
                endpoint,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + ACCESS_KEY,
                "s3proxy.credential=" + SECRET_KEY,
                "jclouds.provider=filesystem-nio2",
                "jclouds.filesystem.basedir=" + data,
                ""), StandardCharsets.UTF_8);
        Path log = dir.resolve("s3proxy.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx512m", "-jar", jar.toString(),
                "--properties", properties.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("LOG_LEVEL", "warn");
        S3ProxyServer server = new S3ProxyServer(builder.start(), port, tls != null, log);
        server.awaitListening();
        return server;
    }

    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + START_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("s3proxy exited: " + logTail());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        close();
        throw new IllegalStateException("s3proxy did not listen within " + START_MILLIS + " ms: " + logTail());
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:port} (https when started so). */
    public URI endpoint() {
        return URI.create((https ? "https" : "http") + "://127.0.0.1:" + port);
    }

    /**
     * The gateway's arguments for a target {@code name} of type s3 on this server, with its keys
     * and the bucket template {@code bucket}.
     */
    public List<String> targetArgs(String name, String bucket) {
        return targetArgs(name, endpoint(), SECRET_KEY, bucket);
    }

    /** The same for an S3 target at {@code endpoint} (a relay before the server), signing with {@code secretKey}. */
    public static List<String> targetArgs(String name, URI endpoint, String secretKey, String bucket) {
        String prefix = "--ringway.federation.targets." + name + ".";
        return List.of(prefix + "type=s3", prefix + "endpoint=" + endpoint, prefix + "access-key=" + ACCESS_KEY,
                prefix + "secret-key=" + secretKey, prefix + "bucket=" + bucket);
    }

    /** Kills it at once (SIGKILL), as a cluster that dies. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** The end of its log, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
