package io.ringway.testing.storage;

import io.ringway.storage.node.BackendHttpServer;
import io.ringway.storage.node.BackendServer;
import io.ringway.storage.node.DeviceRoot;
import io.ringway.storage.node.StorageNodeHandler;
import io.ringway.storage.recon.NodeRecon;
import io.ringway.swift.HashPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.stream.Stream;
import reactor.netty.DisposableServer;

/**
 * Storage-node test fixtures shared by the account, container and object servers' tests: a
 * devices directory with device {@code sda1}, and a backend server on a free loopback port
 * behind the node's real handler ({@link StorageNodeHandler}, recon included).
 */
public final class TestNode {

    /** The hash path of {@code /etc/swift/swift.conf} here, so paths match a real Swift server's. */
    public static final HashPath HASH_PATH = new HashPath("changeme", "changeme");
    /** Database creation time in these tests: {@code 1795322275.64300}. */
    public static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1_795_322_275_643L), ZoneOffset.UTC);

    private TestNode() {
    }

    /** Deletes {@code root} and everything under it (a test's temporary directory). */
    public static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    public static DeviceRoot devices(Path root) {
        try {
            Files.createDirectories(root.resolve("sda1"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DeviceRoot(root, false);
    }

    /** Serves {@code server} on 127.0.0.1, a free port, with recon on {@link #CLOCK}. */
    public static DisposableServer start(BackendServer server, DeviceRoot devices) {
        return start(server, devices, CLOCK);
    }

    /** Serves {@code server} on 127.0.0.1, a free port, with recon on {@code clock}. */
    public static DisposableServer start(BackendServer server, DeviceRoot devices, Clock clock) {
        return start(server, devices, clock, 0);
    }

    /** Serves {@code server} on 127.0.0.1 and {@code port} (0: a free one), with recon on {@code clock}. */
    public static DisposableServer start(BackendServer server, DeviceRoot devices, Clock clock, int port) {
        return BackendHttpServer.bind(StorageNodeHandler.httpHandler(server, new NodeRecon(devices, clock)),
                "127.0.0.1", port);
    }
}
