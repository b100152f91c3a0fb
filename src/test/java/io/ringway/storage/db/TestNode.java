package io.ringway.storage.db;

import io.ringway.storage.node.BackendHttpServer;
import io.ringway.storage.node.BackendServer;
import io.ringway.storage.node.DeviceRoot;
import io.ringway.storage.node.NodeRecon;
import io.ringway.storage.node.StorageNodeHandler;
import io.ringway.swift.HashPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import reactor.netty.DisposableServer;

/** Test fixtures: a devices directory with device {@code sda1}, and backend servers on free ports. */
public final class TestNode {

    /** The hash path of {@code /etc/swift/swift.conf} here, so paths match a real Swift server's. */
    public static final HashPath HASH_PATH = new HashPath("changeme", "changeme");
    /** Database creation time in these tests: {@code 1795322275.64300}. */
    public static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1_795_322_275_643L), ZoneOffset.UTC);

    private TestNode() {
    }

    public static DeviceRoot devices(Path root) {
        try {
            Files.createDirectories(root.resolve("sda1"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DeviceRoot(root, false);
    }

    public static DisposableServer start(BackendServer server, DeviceRoot devices) {
        return BackendHttpServer.bind(StorageNodeHandler.httpHandler(server, new NodeRecon(devices, CLOCK)),
                "127.0.0.1", 0);
    }
}
