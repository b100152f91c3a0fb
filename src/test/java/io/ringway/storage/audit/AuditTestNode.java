package io.ringway.storage.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.storage.account.AccountServer;
import io.ringway.storage.account.AccountSettings;
import io.ringway.storage.container.ContainerServer;
import io.ringway.storage.container.ContainerSettings;
import io.ringway.storage.object.ObjectServer;
import io.ringway.storage.object.ObjectServerSettings;
import io.ringway.swift.Timestamp;
import io.ringway.testing.http.RawHttpClient;
import io.ringway.testing.http.RawRequest;
import io.ringway.testing.storage.TestNode;
import io.ringway.testing.storage.TestServers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import reactor.netty.http.client.HttpClient;

/**
 * The three servers of a test node on device {@code sda1} (a {@link TestServers}), with the
 * helpers the auditor tests use: writing objects and databases through the servers, finding
 * their files on disk, damaging them.
 */
final class AuditTestNode {

    private final TestServers node;
    private RawHttpClient objects;
    private RawHttpClient containers;
    private RawHttpClient accounts;
    private long tick;

    AuditTestNode(TestServers node) {
        this.node = node;
    }

    void start() {
        objects = node.serve(new ObjectServer(node.devices(), TestNode.HASH_PATH,
                ObjectServerSettings.defaults().withFallocateReserve("0"), TestNode.CLOCK, HttpClient.create(),
                Set.of(0, 1)));
        containers = node.serve(new ContainerServer(node.devices(), TestNode.HASH_PATH, ContainerSettings.defaults(),
                TestNode.CLOCK, HttpClient.create(), Set.of(0, 1)));
        accounts = node.serve(new AccountServer(node.devices(), TestNode.HASH_PATH, AccountSettings.defaults(),
                TestNode.CLOCK, Map.of(0, "Policy-0", 1, "silver")));
    }

    Path device() {
        return node.devices().root().resolve("sda1");
    }

    /** A timestamp a day old, later than any before. */
    String timestamp() {
        tick++;
        return new Timestamp((System.currentTimeMillis() - 86_400_000L) * 100 + tick, 0).internal();
    }

    void putObject(String name, String body) throws IOException {
        putObject(0, name, body);
    }

    void putObject(int policy, String name, String body) throws IOException {
        putObject(name, body, "X-Backend-Storage-Policy-Index", Integer.toString(policy));
    }

    void putObjectExpiringAt(String name, String body, long deleteAt) throws IOException {
        putObject(name, body, "X-Delete-At", Long.toString(deleteAt));
    }

    private void putObject(String name, String body, String header, String value) throws IOException {
        int status = objects.exchange(RawRequest.of("PUT", "/sda1/0/a/c/" + name)
                .headers("X-Timestamp", timestamp(), "Content-Type", "text/plain", header, value)
                .body(body)).status();
        assertThat(status).isEqualTo(201);
    }

    int getObject(String name) throws IOException {
        return objects.exchange(RawRequest.of("GET", "/sda1/0/a/c/" + name)).status();
    }

    void putContainer(String container) throws IOException {
        assertThat(containers.exchange(RawRequest.of("PUT", "/sda1/0/a/" + container)
                .headers("X-Timestamp", timestamp(), "X-Backend-Storage-Policy-Index", "0", "Content-Length", "0"))
                .status()).isEqualTo(201);
    }

    int headContainer(String container) throws IOException {
        return containers.exchange(RawRequest.of("HEAD", "/sda1/0/a/" + container)).status();
    }

    void putAccount(String account) throws IOException {
        assertThat(accounts.exchange(RawRequest.of("PUT", "/sda1/0/" + account)
                .headers("X-Timestamp", timestamp(), "Content-Length", "0")).status()).isEqualTo(201);
    }

    /** The object's one {@code .data} file. */
    Path dataFile(String name) throws IOException {
        String hash = TestNode.HASH_PATH.hex("a", "c", name);
        try (Stream<Path> files = Files.walk(device())) {
            List<Path> found = files.filter(file -> file.getFileName().toString().endsWith(".data"))
                    .filter(file -> file.getParent().getFileName().toString().equals(hash))
                    .filter(file -> !file.toString().contains("quarantined"))
                    .toList();
            assertThat(found).hasSize(1);
            return found.get(0);
        }
    }

    /** The quarantined hash directories of objects of policy 0 on the device. */
    List<String> quarantined(String directory) throws IOException {
        Path dir = device().resolve("quarantined").resolve(directory);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(entry -> entry.getFileName().toString()).sorted().toList();
        }
    }

    static void flipByte(Path file, long position) throws IOException {
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.READ,
                java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(1);
            channel.read(one, position);
            one.put(0, (byte) (one.get(0) ^ 0x01)).rewind();
            channel.write(one, position);
        }
    }
}
