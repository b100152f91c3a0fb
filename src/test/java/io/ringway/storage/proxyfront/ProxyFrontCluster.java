package io.ringway.storage.proxyfront;

import static java.util.Objects.requireNonNull;

import io.ringway.RingwayApplication;
import io.ringway.policy.SwiftConf;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Swift cluster whose storage is Ringway's node alone: the node booted as the application
 * ({@code ringway.role=storage}) on three free loopback ports, Debian's {@code swift-proxy-server}
 * in front of it with tempauth, and a private memcached for tempauth's tokens (tempauth refuses
 * to work without a cache: "Memcache required"). Everything lives under one base directory:
 * {@code etc/} (swift.conf, rings, proxy-server.conf), {@code node/d1..d3}, {@code log/}. Public for
 * the real-client tier ({@code io.ringway.clients}), which checks its scenarios against this real proxy.
 */
public final class ProxyFrontCluster implements AutoCloseable {

    public static final String PROXY = "/usr/bin/swift-proxy-server";
    public static final String MEMCACHED = "/usr/bin/memcached";
    public static final String CLIENT = "/usr/bin/swift";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path base;
    private final SwiftConf conf;
    private final int proxyPort;
    private final int objectPort;
    private final List<AutoCloseable> started;
    private final ChildProcess proxy;

    private ProxyFrontCluster(Path base, SwiftConf conf, int proxyPort, int objectPort, List<AutoCloseable> started,
            ChildProcess proxy) {
        this.base = requireNonNull(base, "base");
        this.conf = requireNonNull(conf, "conf");
        this.proxyPort = proxyPort;
        this.objectPort = objectPort;
        this.started = requireNonNull(started, "started");
        this.proxy = requireNonNull(proxy, "proxy");
    }

    /** Starts the node, memcached and the proxy; on any failure stops what it started. */
    public static ProxyFrontCluster start(Path base) throws Exception {
        int[] ports = freePorts(5);
        int accountPort = ports[0];
        int containerPort = ports[1];
        int objectPort = ports[2];
        int proxyPort = ports[3];
        int memcachedPort = ports[4];
        Path etc = base.resolve("etc");
        Path node = base.resolve("node");
        Path log = Files.createDirectories(base.resolve("log"));
        SwiftConf conf = FrontSwiftDir.write(etc, accountPort, containerPort, objectPort);
        List<AutoCloseable> started = new ArrayList<>();
        try {
            started.add(bootNode(etc, node, accountPort, containerPort, objectPort));
            ChildProcess memcached = ChildProcess.start("memcached", memcachedCommand(memcachedPort),
                    log.resolve("memcached.log"));
            started.add(memcached);
            awaitListening(memcachedPort, memcached);
            Path proxyConf = etc.resolve("proxy-server.conf");
            Files.writeString(proxyConf, ProxyServerConf.text(etc, proxyPort, memcachedPort), StandardCharsets.UTF_8);
            // -v: the proxy logs to its console, hence to the log file (no syslog here).
            ChildProcess proxy = ChildProcess.start("swift-proxy-server", List.of(PROXY, proxyConf.toString(), "-v"),
                    log.resolve("proxy-server.log"));
            started.add(proxy);
            awaitListening(proxyPort, proxy);
            return new ProxyFrontCluster(base, conf, proxyPort, objectPort, started, proxy);
        } catch (Exception | AssertionError e) {
            closeAll(started);
            throw e;
        }
    }

    SwiftConf conf() {
        return conf;
    }

    Path swiftDir() {
        return base.resolve("etc");
    }

    /** The node's devices directory (Swift's {@code devices}). */
    Path devices() {
        return base.resolve("node");
    }

    int proxyPort() {
        return proxyPort;
    }

    /** The port of the node's object server, to ask it directly. */
    int objectPort() {
        return objectPort;
    }

    public String authUrl() {
        return "http://127.0.0.1:" + proxyPort + "/auth/v1.0";
    }

    /** The proxy's log tail, to attach to failures. */
    public String proxyLog() {
        return proxy.logTail();
    }

    /** Copies the logs (proxy, memcached) out of the temporary base, which JUnit deletes. */
    public void keepLogs(Path target) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> logs = Files.list(base.resolve("log"))) {
            for (Path log : logs.toList()) {
                Files.copy(log, target.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Override
    public void close() throws Exception {
        closeAll(started);
    }

    private static ConfigurableApplicationContext bootNode(Path etc, Path node, int accountPort, int containerPort,
            int objectPort) throws IOException {
        for (String device : FrontSwiftDir.DEVICES) {
            Files.createDirectories(node.resolve(device));
        }
        return new SpringApplicationBuilder(RingwayApplication.class)
                .web(WebApplicationType.REACTIVE)
                // Command-line arguments, not default properties: those lose to application.yml.
                .run("--spring.main.banner-mode=off",
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--management.server.port=0",
                        "--management.server.address=127.0.0.1",
                        "--ringway.role=storage",
                        "--ringway.swift-dir=" + etc.toAbsolutePath(),
                        "--ringway.storage.bind-ip=127.0.0.1",
                        "--ringway.storage.mount-check=false",
                        "--ringway.storage.devices=" + node.toAbsolutePath(),
                        "--ringway.storage.recon-cache-path=" + node.resolveSibling("recon").toAbsolutePath(),
                        "--ringway.storage.device-names=" + String.join(",", FrontSwiftDir.DEVICES),
                        "--ringway.storage.account-port=" + accountPort,
                        "--ringway.storage.container-port=" + containerPort,
                        "--ringway.storage.object-port=" + objectPort,
                        // Container stats reach the account only through the container updater.
                        "--ringway.storage.updater-interval=1s");
    }

    private static List<String> memcachedCommand(int port) {
        List<String> command = new ArrayList<>(List.of(MEMCACHED, "-l", "127.0.0.1", "-p", String.valueOf(port),
                "-U", "0", "-m", "16"));
        String user = System.getProperty("user.name");
        if ("root".equals(user)) {
            // memcached refuses to run as root unless told which user to be.
            command.addAll(List.of("-u", "root"));
        }
        return command;
    }

    private static int[] freePorts(int count) throws IOException {
        // Held open together so that the ports are distinct, then released for the servers.
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    private static void awaitListening(int port, ChildProcess process) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("exited before listening on " + port + "\n" + process.logTail());
            }
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                // Polling a child process: nothing to subscribe to, so a short pause between tries.
                Thread.sleep(100);
            }
        }
        throw new AssertionError("not listening on " + port + " after " + START_TIMEOUT + "\n" + process.logTail());
    }

    private static void closeAll(List<AutoCloseable> started) throws Exception {
        Exception failure = null;
        // Reverse order: the proxy before memcached before the node it talks to.
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
