package io.ringway.storage.object;

import io.ringway.storage.node.BackendHttpServer;
import io.ringway.storage.node.DeviceRoot;
import io.ringway.storage.node.NodeRecon;
import io.ringway.storage.node.StorageNodeHandler;
import io.ringway.swift.HashPath;
import io.ringway.swift.Timestamp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;

/** An object server on a real port over a temp devices directory with one device, {@code sda1}. */
final class ObjectServerFixture implements AutoCloseable {

    static final HashPath HASH_PATH = new HashPath("changeme", "changeme");

    final Path devices;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T00:00:00Z"));
    final DisposableServer server;
    final DeviceRoot deviceRoot;
    private long tick;

    ObjectServerFixture(Path devices, ObjectServerSettings settings) throws IOException {
        this.devices = devices;
        Files.createDirectories(devices.resolve("sda1"));
        deviceRoot = new DeviceRoot(devices, false);
        ObjectServer objectServer = new ObjectServer(deviceRoot, HASH_PATH, settings, clock, HttpClient.create(), Set.of(0, 1, 2));
        server = BackendHttpServer.bind(StorageNodeHandler.httpHandler(objectServer, new NodeRecon(deviceRoot, clock)),
                "127.0.0.1", 0);
    }

    ObjectServerFixture(Path devices) throws IOException {
        this(devices, ObjectServerSettings.defaults().withFallocateReserve("0"));
    }

    int port() {
        return server.port();
    }

    /** A fresh timestamp, later than any before, near the fixture's clock. */
    String nextTimestamp() {
        tick++;
        return new Timestamp(clock.millis() * 100 + tick, 0).normal();
    }

    RawHttp.Response put(String path, String body, String... headers) throws IOException {
        Map<String, String> all = headers(headers);
        all.putIfAbsent("X-Timestamp", nextTimestamp());
        all.putIfAbsent("Content-Type", "text/plain");
        return RawHttp.exchange(port(), "PUT", path, all, body.getBytes(StandardCharsets.ISO_8859_1));
    }

    RawHttp.Response request(String method, String path, String... headers) throws IOException {
        return RawHttp.exchange(port(), method, path, headers(headers), null);
    }

    /** The names of the files in the hash directory of {@code /account/container/object}, sorted. */
    List<String> filesOf(String account, String container, String object) throws IOException {
        String hash = HASH_PATH.hex(account, container, object);
        return filesUnder("objects").stream()
                .filter(file -> file.getParent().getFileName().toString().equals(hash))
                .map(file -> file.getFileName().toString())
                .sorted()
                .toList();
    }

    /** Every regular file under the device's {@code tmp} directory. */
    List<Path> tempFiles() throws IOException {
        Path tmp = devices.resolve("sda1/tmp");
        if (!Files.isDirectory(tmp)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(tmp)) {
            return files.toList();
        }
    }

    /** Every file under {@code dir} relative to the device, recursively. */
    List<Path> filesUnder(String dir) throws IOException {
        Path root = devices.resolve("sda1").resolve(dir);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    static Map<String, String> headers(String... pairs) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            headers.put(pairs[i], pairs[i + 1]);
        }
        return headers;
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
