package io.ringway.backend;

import io.netty.buffer.PooledByteBufAllocator;
import io.ringway.ring.Device;
import io.ringway.ring.Node;
import io.ringway.ring.Ring;
import io.ringway.ring.RingBuilder;
import io.ringway.storage.node.DeviceRoot;
import io.ringway.storage.object.ObjectServer;
import io.ringway.storage.object.ObjectServerSettings;
import io.ringway.swift.ObjectName;
import io.ringway.swift.Timestamp;
import io.ringway.testing.storage.TestNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;

/**
 * Storage nodes for one test: real object servers (each over its own devices directory with
 * {@code sda1}) or fake nodes, on free loopback ports, a ring over them (zone i+1 for node i, so
 * that {@code read_affinity} can fix the order in which nodes are tried), and the data path's
 * classes wired to them. Closed by the test.
 */
final class StorageCluster implements AutoCloseable {

    static final NettyDataBufferFactory BUFFERS = new NettyDataBufferFactory(PooledByteBufAllocator.DEFAULT);
    static final ObjectName NAME = new ObjectName("AUTH_test", "c", "o");

    final List<Path> roots = new ArrayList<>();
    final List<@Nullable DisposableServer> servers = new ArrayList<>();
    final List<@Nullable FakeNode> fakes = new ArrayList<>();
    final List<Integer> ports = new ArrayList<>();
    final BackendSettings settings;
    final StorageNodeClient client;
    final NodeHealth health;
    final NodeTimings timings;
    final ObjectGet get;
    final ObjectPut put;
    final BackendRequests requests;
    Ring ring;

    /**
     * @param nodes one entry per node: null for a real object server, or a fake
     * @param replicas the ring's replica count
     */
    StorageCluster(List<@Nullable FakeNode> nodes, int replicas, BackendSettings settings) throws IOException {
        this(nodes, replicas, settings, java.util.stream.IntStream.generate(() -> 1).limit(nodes.size()).toArray());
    }

    /**
     * @param regions the region of each node; zones stay one per node (zone i+1 for node i)
     */
    StorageCluster(List<@Nullable FakeNode> nodes, int replicas, BackendSettings settings, int[] regions)
            throws IOException {
        for (FakeNode fake : nodes) {
            if (fake == null) {
                Path root = Files.createTempDirectory("ringway-backend-node");
                DeviceRoot devices = TestNode.devices(root);
                ObjectServer server = new ObjectServer(devices, TestNode.HASH_PATH,
                        ObjectServerSettings.defaults().withFallocateReserve("0"), Clock.systemUTC(),
                        HttpClient.create(), Set.of(0));
                DisposableServer bound = TestNode.start(server, devices, Clock.systemUTC());
                roots.add(root);
                servers.add(bound);
                ports.add(bound.port());
            } else {
                roots.add(Path.of("/nonexistent"));
                servers.add(null);
                ports.add(fake.port());
            }
            fakes.add(fake);
        }
        List<Device> devices = new ArrayList<>();
        for (int i = 0; i < ports.size(); i++) {
            devices.add(Device.of(i, regions[i], i + 1, "127.0.0.1", ports.get(i), "sda1", 100));
        }
        this.ring = new Ring(RingBuilder.build(devices, 4, replicas, RingBuilder.DEFAULT_SEED), TestNode.HASH_PATH);
        StringBuilder affinity = new StringBuilder();
        for (int i = 0; i < ports.size(); i++) {
            affinity.append(i == 0 ? "" : ", ").append('r').append(regions[i]).append('z').append(i + 1)
                    .append('=').append(i + 1);
        }
        this.settings = settings.withReadAffinity(affinity.toString());
        this.client = new StorageNodeClient(this.settings);
        this.health = new NodeHealth(this.settings, Clock.systemUTC());
        this.timings = new NodeTimings(this.settings, Clock.systemUTC());
        this.get = new ObjectGet(new StorageNodes(client, health, timings, new Random(1)));
        this.put = new ObjectPut(new StorageNodes(client, health, timings, new Random(1)));
        this.requests = new BackendRequests(new StorageNodes(client, health, timings, new Random(1)));
    }

    /** Short timeouts so that fault tests take seconds. */
    static BackendSettings quickSettings() {
        return BackendSettings.defaults()
                .withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofMillis(700),
                        Duration.ofMillis(500));
    }

    int partition() {
        return ring.partition(NAME.account(), NAME.container(), NAME.object());
    }

    List<Node> primaries() {
        return ring.primaryNodes(partition());
    }

    /** The index (in this cluster) of the node a ring node lives on. */
    int indexOf(Node node) {
        return ports.indexOf(node.device().port());
    }

    /** Stops node {@code index}: connections to its port are refused from now on. */
    void kill(int index) {
        DisposableServer server = servers.get(index);
        if (server != null) {
            server.disposeNow();
            servers.set(index, null);
        }
    }

    /** Removes node {@code index}'s device directory: it answers 507 from now on. */
    void unmount(int index) throws IOException {
        TestNode.deleteRecursively(roots.get(index).resolve("sda1"));
    }

    /** The {@code .data} files of the object on node {@code index}. */
    List<Path> dataFiles(int index) throws IOException {
        return files(index, "objects").stream()
                .filter(p -> p.getFileName().toString().endsWith(".data"))
                .toList();
    }

    /** Every regular file under the node's device directory {@code dir}. */
    List<Path> files(int index, String dir) throws IOException {
        Path root = roots.get(index).resolve("sda1").resolve(dir);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        for (int attempt = 0; ; attempt++) {
            try (Stream<Path> files = Files.walk(root)) {
                return files.filter(Files::isRegularFile).toList();
            } catch (java.io.UncheckedIOException e) {
                // The server renamed or deleted a file while we walked (temp files come and go): look again.
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }

    /** The object's .data files over all real nodes: how many copies are stored. */
    int copies() throws IOException {
        int copies = 0;
        for (int i = 0; i < ports.size(); i++) {
            if (servers.get(i) != null) {
                copies += dataFiles(i).size();
            }
        }
        return copies;
    }

    /** The index of the object's first handoff node. */
    int handoffIndex() {
        return indexOf(ring.handoffNodes(partition()).findFirst().orElseThrow());
    }

    ObjectPutRequest putRequest(Flux<DataBuffer> body, long length) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Timestamp", Timestamp.ofMillis(System.currentTimeMillis()).internal());
        headers.set(HttpHeaders.CONTENT_TYPE, "application/octet-stream");
        headers.set("X-Object-Meta-Color", "blue");
        return new ObjectPutRequest(ring, 0, NAME, headers, length, null, body, false);
    }

    ObjectGetRequest getRequest(HttpMethod method, String... headerPairs) {
        HttpHeaders headers = new HttpHeaders();
        for (int i = 0; i + 1 < headerPairs.length; i += 2) {
            headers.add(headerPairs[i], headerPairs[i + 1]);
        }
        return new ObjectGetRequest(method, ring, 0, NAME, headers);
    }

    /** Stores {@code content} on node {@code index} directly, as a proxy would. */
    void putDirect(int index, byte[] content) {
        putDirect(index, content, Timestamp.ofMillis(System.currentTimeMillis()));
    }

    /** Stores {@code content} on node {@code index} directly with the given {@code X-Timestamp}. */
    void putDirect(int index, byte[] content, Timestamp timestamp) {
        String path = BackendPaths.objectPath(ring.devices().get(index), partition(), NAME);
        Integer status = HttpClient.create()
                .headers(h -> h.set("X-Timestamp", timestamp.internal())
                        .set("Content-Type", "application/octet-stream")
                        .set("Content-Length", content.length))
                .put()
                .uri("http://127.0.0.1:" + ports.get(index) + path)
                .send(Mono.fromSupplier(() -> io.netty.buffer.Unpooled.wrappedBuffer(content)))
                .responseSingle((response, body) -> body.then(Mono.just(response.status().code())))
                .block(Duration.ofSeconds(10));
        if (status == null || status != 201) {
            throw new IllegalStateException("direct PUT to node " + index + ": " + status);
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
        for (DisposableServer server : servers) {
            if (server != null) {
                server.disposeNow();
            }
        }
        for (FakeNode fake : fakes) {
            if (fake != null) {
                fake.close();
            }
        }
        for (int i = 0; i < roots.size(); i++) {
            if (fakes.get(i) == null) {
                TestNode.deleteRecursively(roots.get(i));
            }
        }
    }

    /** {@code count} chunks of {@code size} pseudo-random bytes (seeded), in pooled Netty buffers. */
    static Flux<DataBuffer> body(int count, int size, long seed) {
        return Flux.range(0, count)
                .map(i -> {
                    byte[] bytes = chunk(size, seed, i);
                    DataBuffer buffer = BUFFERS.allocateBuffer(size);
                    buffer.write(bytes);
                    return buffer;
                })
                .doOnDiscard(DataBuffer.class, DataBufferUtils::release);
    }

    static byte[] chunk(int size, long seed, int index) {
        byte[] bytes = new byte[size];
        new Random(seed * 31 + index).nextBytes(bytes);
        return bytes;
    }

    static byte[] bytes(int count, int size, long seed) {
        byte[] all = new byte[count * size];
        for (int i = 0; i < count; i++) {
            System.arraycopy(chunk(size, seed, i), 0, all, i * size, size);
        }
        return all;
    }

    static String md5(byte[] bytes) {
        MessageDigest md5 = md5();
        return HexFormat.of().formatHex(md5.digest(bytes));
    }

    static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The MD5 and length of a body, read as it streams (each buffer released once hashed). */
    static Mono<Digest> digest(Flux<DataBuffer> body) {
        return body.reduce(new Digest(md5(), 0), (digest, buffer) -> {
            try {
                byte[] bytes = new byte[buffer.readableByteCount()];
                buffer.read(bytes);
                digest.md5().update(bytes);
                return new Digest(digest.md5(), digest.length() + bytes.length);
            } finally {
                DataBufferUtils.release(buffer);
            }
        });
    }

    /** Polls {@code condition} for up to ten seconds (servers notice a closed connection asynchronously). */
    static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }

    record Digest(MessageDigest md5, long length) {

        String hex() {
            return HexFormat.of().formatHex(md5.digest());
        }
    }
}
