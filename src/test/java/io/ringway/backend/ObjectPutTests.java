package io.ringway.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.ringway.ring.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Flux;

class ObjectPutTests {

    private static final int CHUNKS = 8;
    private static final int CHUNK = 64 * 1024;
    private static final String ETAG = StorageCluster.md5(StorageCluster.bytes(CHUNKS, CHUNK, 3));

    private @Nullable StorageCluster cluster;

    @AfterEach
    void close() throws IOException {
        if (cluster != null) {
            cluster.close();
        }
    }

    private StorageCluster cluster(int nodes) throws IOException {
        List<@Nullable FakeNode> real = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            real.add(null);
        }
        cluster = new StorageCluster(real, 3, StorageCluster.quickSettings());
        return cluster;
    }

    private static ObjectResponse put(StorageCluster c) {
        return c.put.put(c.putRequest(StorageCluster.body(CHUNKS, CHUNK, 3), (long) CHUNKS * CHUNK))
                .block(Duration.ofSeconds(20));
    }



    @Test
    void storesThreeReplicasOnThreeGoodNodes() throws IOException {
        StorageCluster c = cluster(3);

        ObjectResponse response = put(c);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.headers().getETag()).isEqualTo("\"" + ETAG + "\"");
        for (int i = 0; i < 3; i++) {
            assertThat(c.dataFiles(i)).hasSize(1);
        }
        ObjectResponse read = c.get.get(c.getRequest(HttpMethod.GET)).block(Duration.ofSeconds(10));
        assertThat(read.headers().getFirst("X-Object-Meta-Color")).isEqualTo("blue");
        assertThat(StorageCluster.digest(read.body()).block(Duration.ofSeconds(10)).hex()).isEqualTo(ETAG);
    }

    @Test
    void usesAHandoffWhenAPrimaryIsDown() throws IOException {
        StorageCluster c = cluster(4);
        int down = c.indexOf(c.primaries().get(0));
        int handoff = c.handoffIndex();
        c.kill(down);

        ObjectResponse response = put(c);

        assertThat(response.status()).isEqualTo(201);
        assertThat(c.dataFiles(handoff)).hasSize(1);
        assertThat(c.copies()).isEqualTo(3);
    }

    @Test
    void usesAHandoffInsteadOfA507AndErrorLimitsIt() throws IOException {
        StorageCluster c = cluster(4);
        int full = c.indexOf(c.primaries().get(1));
        int handoff = c.handoffIndex();
        c.unmount(full);

        ObjectResponse response = put(c);

        assertThat(response.status()).isEqualTo(201);
        assertThat(c.dataFiles(handoff)).hasSize(1);
        assertThat(c.copies()).isEqualTo(3);
        assertThat(c.health.limited(c.ring.devices().get(full))).isTrue();
    }

    @Test
    void answers503AndStoresNothingWithoutAQuorumOfConnections() throws Exception {
        StorageCluster c = cluster(3);
        c.kill(0);
        c.kill(1);

        ObjectResponse response = put(c);

        assertThat(response.status()).isEqualTo(503);
        assertThat(StorageCluster.eventually(() -> tmpEmpty(c, 2))).isTrue();
        assertThat(c.dataFiles(2)).isEmpty();
    }

    @Test
    void clientAbortMidBodyLeavesNoObject() throws Exception {
        StorageCluster c = cluster(3);
        Flux<DataBuffer> aborted = StorageCluster.body(3, CHUNK, 3)
                .concatWith(Flux.error(new IOException("client went away")));

        assertThatThrownBy(() -> c.put.put(c.putRequest(aborted, (long) CHUNKS * CHUNK)).block(Duration.ofSeconds(10)))
                .hasMessageContaining("client went away");

        for (int i = 0; i < 3; i++) {
            int node = i;
            assertThat(StorageCluster.eventually(() -> tmpEmpty(c, node))).isTrue();
            assertThat(c.dataFiles(i)).isEmpty();
        }
    }

    @Test
    void cancelMidBodyLeavesNoObject() throws Exception {
        StorageCluster c = cluster(3);
        Flux<DataBuffer> endless = StorageCluster.body(2, CHUNK, 3).concatWith(Flux.never());

        c.put.put(c.putRequest(endless, (long) CHUNKS * CHUNK))
                .timeout(Duration.ofMillis(500))
                .onErrorResume(e -> reactor.core.publisher.Mono.empty())
                .block(Duration.ofSeconds(10));

        for (int i = 0; i < 3; i++) {
            int node = i;
            assertThat(StorageCluster.eventually(() -> tmpEmpty(c, node))).isTrue();
            assertThat(c.dataFiles(i)).isEmpty();
        }
    }

    @Test
    void dropsANodeThatFailsMidBodyWhileTheQuorumHolds() throws IOException {
        try (FakeNode dying = FakeNode.dyingMidPut(2)) {
            cluster = new StorageCluster(Arrays.asList(dying, null, null), 3, StorageCluster.quickSettings());

            ObjectResponse response = put(cluster);

            assertThat(response.status()).isEqualTo(201);
            assertThat(response.headers().getETag()).isEqualTo("\"" + ETAG + "\"");
            assertThat(cluster.dataFiles(1)).hasSize(1);
            assertThat(cluster.dataFiles(2)).hasSize(1);
        }
    }

    @Test
    void answers503WhenTheQuorumIsLostMidBody() throws Exception {
        try (FakeNode first = FakeNode.dyingMidPut(2); FakeNode second = FakeNode.dyingMidPut(3)) {
            cluster = new StorageCluster(Arrays.asList(first, second, null), 3, StorageCluster.quickSettings());
            StorageCluster c = cluster;

            // Two ways to lose the quorum, both Swift's 503 for the client: the writes to the dying
            // nodes fail while the body is sent, or (when the body went out in a few batches) the
            // nodes' 500s are their final answers.
            Throwable failure = catchThrowable(() -> {
                ObjectResponse response = put(c);
                assertThat(response.status()).as("the answer when no write failed").isEqualTo(503);
            });
            assertThat(StorageCluster.eventually(() -> tmpEmpty(c, 2))).isTrue();
            if (failure != null) {
                assertThat(failure).isInstanceOf(BackendBodyException.class).hasMessageContaining("quorum");
                // The body was cut short: the live node must not keep a partial object.
                assertThat(c.dataFiles(2)).isEmpty();
            } else {
                // The whole body may have reached the live node, which then committed it before the
                // others' 500s were known: kept, as Swift's object server keeps it (no rollback; the
                // client retries). Whatever it kept is the whole object, never a part.
                // (A .data file is the body, then the node's metadata trailer.)
                for (Path data : c.dataFiles(2)) {
                    byte[] stored = Files.readAllBytes(data);
                    assertThat(stored.length).isGreaterThan(CHUNKS * CHUNK);
                    assertThat(StorageCluster.md5(Arrays.copyOf(stored, CHUNKS * CHUNK))).isEqualTo(ETAG);
                }
            }
        }
    }

    @Test
    void dropsANodeThatStopsReadingAfterNodeTimeoutWhileTheOthersGoOn() throws IOException {
        try (FakeNode stalled = FakeNode.stallingMidPut()) {
            cluster = new StorageCluster(Arrays.asList(stalled, null, null), 3, StorageCluster.quickSettings());
            int chunks = 160;

            ObjectResponse response = cluster.put.put(cluster.putRequest(StorageCluster.body(chunks, CHUNK, 5),
                    (long) chunks * CHUNK)).block(Duration.ofSeconds(30));

            assertThat(response.status()).isEqualTo(201);
            assertThat(cluster.dataFiles(1)).hasSize(1);
            assertThat(cluster.dataFiles(2)).hasSize(1);
        }
    }

    @Test
    void readsTheClientBodyNoFasterThanTheSlowestNodeTakesIt() throws Exception {
        try (FakeNode stalled = FakeNode.stallingMidPut()) {
            BackendSettings patient = BackendSettings.defaults()
                    .withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(30),
                            Duration.ofMillis(500));
            cluster = new StorageCluster(Arrays.asList(stalled, null, null), 3, patient);
            StorageCluster c = cluster;
            java.util.concurrent.atomic.AtomicInteger taken = new java.util.concurrent.atomic.AtomicInteger();
            Flux<DataBuffer> huge = StorageCluster.body(2000, CHUNK, 5)
                    .doOnNext(buffer -> taken.incrementAndGet());

            reactor.core.Disposable upload = c.put.put(c.putRequest(huge, 2000L * CHUNK)).subscribe();
            // Not a timing assertion: whatever the machine's speed, a stalled node that never reads lets
            // through only what fits in the socket buffers, far below the 125 MiB body.
            Thread.sleep(1500);
            int afterStall = taken.get();
            Thread.sleep(500);

            assertThat(taken.get()).isEqualTo(afterStall).isLessThan(200);
            upload.dispose();
            for (int i = 1; i < 3; i++) {
                int node = i;
                assertThat(StorageCluster.eventually(() -> tmpEmpty(c, node))).isTrue();
                assertThat(c.dataFiles(i)).isEmpty();
            }
        }
    }

    @Test
    void sendsSwiftsBackendHeadersWithContainerUpdatesDealtOverTheReplicas() throws IOException {
        List<FakeNode> fakes = List.of(FakeNode.accepting(ETAG), FakeNode.accepting(ETAG), FakeNode.accepting(ETAG));
        try {
            cluster = new StorageCluster(new ArrayList<>(fakes), 3, StorageCluster.quickSettings());
            List<Node> containers = List.of(
                    new Node(io.ringway.ring.Device.of(0, 1, 1, "10.0.0.1", 6201, "sdc", 100), 0, false),
                    new Node(io.ringway.ring.Device.of(1, 1, 2, "10.0.0.2", 6201, "sdd", 100), 1, false),
                    new Node(io.ringway.ring.Device.of(2, 1, 3, "10.0.0.3", 6201, "sde", 100), 2, false));
            ObjectPutRequest plain = cluster.putRequest(StorageCluster.body(CHUNKS, CHUNK, 3), (long) CHUNKS * CHUNK);
            ObjectPutRequest request = new ObjectPutRequest(plain.ring(), 0, plain.name(), plain.headers(),
                    plain.contentLength(), new ContainerTarget(9, containers), plain.body(), false);

            ObjectResponse response = cluster.put.put(request).block(Duration.ofSeconds(20));

            assertThat(response.status()).isEqualTo(201);
            List<String> hosts = new ArrayList<>();
            for (FakeNode fake : fakes) {
                io.netty.handler.codec.http.HttpHeaders h = fake.headers().get(0);
                assertThat(h.get("Expect")).isEqualTo("100-continue");
                assertThat(h.get("Content-Length")).isEqualTo(Integer.toString(CHUNKS * CHUNK));
                assertThat(h.get("X-Timestamp")).isEqualTo(plain.headers().getFirst("X-Timestamp"));
                assertThat(h.get("Content-Type")).isEqualTo("application/octet-stream");
                assertThat(h.get("X-Object-Meta-Color")).isEqualTo("blue");
                assertThat(h.get("X-Backend-Storage-Policy-Index")).isEqualTo("0");
                assertThat(h.get("X-Container-Partition")).isEqualTo("9");
                hosts.add(h.get("X-Container-Host") + " " + h.get("X-Container-Device"));
            }
            assertThat(hosts).containsExactlyInAnyOrder("10.0.0.1:6201 sdc", "10.0.0.2:6201 sdd", "10.0.0.3:6201 sde");
        } finally {
            fakes.forEach(FakeNode::close);
        }
    }

    @Test
    void answers422WhenTheBodyDoesNotMatchTheEtag() throws IOException {
        StorageCluster c = cluster(3);
        ObjectPutRequest plain = c.putRequest(StorageCluster.body(CHUNKS, CHUNK, 3), (long) CHUNKS * CHUNK);
        plain.headers().set(HttpHeaders.ETAG, "0123456789abcdef0123456789abcdef");

        ObjectResponse response = c.put.put(plain).block(Duration.ofSeconds(20));

        assertThat(response.status()).isEqualTo(422);
        assertThat(c.copies()).isZero();
    }

    @Test
    void storesAChunkedBody() throws IOException {
        StorageCluster c = cluster(3);

        ObjectResponse response = c.put.put(c.putRequest(StorageCluster.body(CHUNKS, CHUNK, 3), -1))
                .block(Duration.ofSeconds(20));

        assertThat(response.status()).isEqualTo(201);
        assertThat(c.copies()).isEqualTo(3);
    }

    @Test
    void storesAnEmptyBody() throws IOException {
        StorageCluster c = cluster(3);

        ObjectResponse response = c.put.put(c.putRequest(Flux.empty(), 0)).block(Duration.ofSeconds(20));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.headers().getETag()).isEqualTo("\"d41d8cd98f00b204e9800998ecf8427e\"");
        assertThat(c.copies()).isEqualTo(3);
    }

    @Test
    void streamsA20MegabyteObjectThroughPutAndGet() throws IOException {
        StorageCluster c = cluster(3);
        int chunks = 320;
        java.security.MessageDigest expected = StorageCluster.md5();
        for (int i = 0; i < chunks; i++) {
            expected.update(StorageCluster.chunk(CHUNK, 11, i));
        }
        String etag = java.util.HexFormat.of().formatHex(expected.digest());

        ObjectResponse stored = c.put.put(c.putRequest(StorageCluster.body(chunks, CHUNK, 11), (long) chunks * CHUNK))
                .block(Duration.ofSeconds(60));
        ObjectResponse read = c.get.get(c.getRequest(HttpMethod.GET)).block(Duration.ofSeconds(10));
        StorageCluster.Digest digest = StorageCluster.digest(read.body()).block(Duration.ofSeconds(60));

        assertThat(stored.status()).isEqualTo(201);
        assertThat(stored.headers().getETag()).isEqualTo("\"" + etag + "\"");
        assertThat(digest.length()).isEqualTo((long) chunks * CHUNK);
        assertThat(digest.hex()).isEqualTo(etag);
    }

    private static boolean tmpEmpty(StorageCluster c, int node) {
        try {
            return c.files(node, "tmp").isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    static List<Integer> indexes(int... values) {
        return Arrays.stream(values).boxed().toList();
    }
}
