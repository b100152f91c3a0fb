package io.ringway.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringway.ring.Node;
import io.ringway.swift.Timestamp;
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

/**
 * A PUT of a body of at most 64 KiB goes to each object server whole, head and body in one
 * request without {@code Expect: 100-continue} ({@link WholeBodyPut#applies}); these check that it
 * keeps the 100-continue's outcomes: no quorum of connections stores nothing, handoffs replace
 * down or full nodes, a newer object answers 202, {@code If-None-Match} still refuses first.
 */
class WholeBodyPutTests {

    private static final int SIZE = 4096;
    private static final byte[] CONTENT = StorageCluster.bytes(1, SIZE, 7);
    private static final String ETAG = StorageCluster.md5(CONTENT);

    private @Nullable StorageCluster cluster;
    private final List<FakeNode> fakes = new ArrayList<>();

    @AfterEach
    void close() throws IOException {
        if (cluster != null) {
            cluster.close();
        }
        fakes.forEach(FakeNode::close);
    }

    private StorageCluster cluster(int nodes) throws IOException {
        return cluster(nodes, StorageCluster.quickSettings());
    }

    private StorageCluster cluster(int nodes, BackendSettings settings) throws IOException {
        List<@Nullable FakeNode> real = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            real.add(null);
        }
        cluster = new StorageCluster(real, 3, settings);
        return cluster;
    }

    private StorageCluster fakes(FakeNode... nodes) throws IOException {
        fakes.addAll(Arrays.asList(nodes));
        cluster = new StorageCluster(new ArrayList<>(Arrays.asList(nodes)), 3, StorageCluster.quickSettings());
        return cluster;
    }

    private static ObjectPutRequest small(StorageCluster c) {
        return c.putRequest(StorageCluster.body(1, SIZE, 7), SIZE);
    }

    private static ObjectResponse put(StorageCluster c, ObjectPutRequest request) {
        return c.put.put(request).block(Duration.ofSeconds(20));
    }


    private static byte[] stored(StorageCluster c, int node) throws IOException {
        List<Path> data = c.dataFiles(node);
        assertThat(data).hasSize(1);
        // A .data file is the body, then the node's metadata trailer.
        return Arrays.copyOf(Files.readAllBytes(data.get(0)), SIZE);
    }

    @Test
    void goesOutAsOneRequestWithoutExpectWhenSmall() throws IOException {
        StorageCluster c = fakes(FakeNode.accepting(ETAG), FakeNode.accepting(ETAG), FakeNode.accepting(ETAG));

        ObjectResponse response = put(c, small(c));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.headers().getETag()).isEqualTo("\"" + ETAG + "\"");
        for (FakeNode fake : fakes) {
            assertThat(fake.headers()).hasSize(1);
            io.netty.handler.codec.http.HttpHeaders sent = fake.headers().get(0);
            assertThat(sent.contains("Expect")).isFalse();
            assertThat(sent.get("Content-Length")).isEqualTo(Integer.toString(SIZE));
            assertThat(sent.get("X-Backend-Storage-Policy-Index")).isEqualTo("0");
        }
    }

    @Test
    void keepsTheHundredContinueAboveSixtyFourKibibytesForChunkedBodiesAndWithIfNoneMatch() throws IOException {
        StorageCluster c = fakes(FakeNode.accepting(ETAG), FakeNode.accepting(ETAG), FakeNode.accepting(ETAG));
        ObjectPutRequest big = c.putRequest(StorageCluster.body(1, 64 * 1024 + 1, 7), 64 * 1024 + 1);
        ObjectPutRequest chunked = c.putRequest(StorageCluster.body(1, SIZE, 7), -1);
        ObjectPutRequest conditional = small(c);
        conditional.headers().set(HttpHeaders.IF_NONE_MATCH, "*");
        ObjectPutRequest plain = small(c);
        ObjectPutRequest expecting = new ObjectPutRequest(plain.ring(), plain.policyIndex(), plain.name(),
                plain.headers(), plain.contentLength(), plain.container(), plain.body(), true);

        assertThat(WholeBodyPut.applies(small(c))).isTrue();
        assertThat(WholeBodyPut.applies(c.putRequest(StorageCluster.body(1, 64 * 1024, 7), 64 * 1024))).isTrue();
        for (ObjectPutRequest request : List.of(big, chunked, conditional, expecting)) {
            assertThat(WholeBodyPut.applies(request)).isFalse();
        }
        assertThat(WholeBodyPut.applies(c.putRequest(Flux.empty(), 0))).isFalse();

        assertThat(put(c, conditional).status()).isEqualTo(201);
        for (FakeNode fake : fakes) {
            assertThat(fake.headers().get(0).get("Expect")).isEqualTo("100-continue");
        }
    }

    @Test
    void storesThreeWholeReplicasThatReadBack() throws IOException {
        StorageCluster c = cluster(3);

        ObjectResponse response = put(c, small(c));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.headers().getETag()).isEqualTo("\"" + ETAG + "\"");
        for (int i = 0; i < 3; i++) {
            assertThat(stored(c, i)).isEqualTo(CONTENT);
        }
        ObjectResponse read = c.get.get(c.getRequest(HttpMethod.GET)).block(Duration.ofSeconds(10));
        assertThat(read.headers().getFirst("X-Object-Meta-Color")).isEqualTo("blue");
        assertThat(StorageCluster.digest(read.body()).block(Duration.ofSeconds(10)).hex()).isEqualTo(ETAG);
    }

    @Test
    void storesABodyThatCameInSeveralBuffers() throws IOException {
        StorageCluster c = cluster(3);
        int parts = 8;

        ObjectResponse response = put(c, c.putRequest(StorageCluster.body(parts, 1024, 9), parts * 1024L));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.headers().getETag()).isEqualTo("\"" + StorageCluster.md5(StorageCluster.bytes(parts, 1024, 9))
                + "\"");
        assertThat(c.copies()).isEqualTo(3);
    }

    @Test
    void sendsTheBodyToAHandoffWhenAPrimaryIsDown() throws IOException {
        StorageCluster c = cluster(4);
        int down = c.indexOf(c.primaries().get(0));
        int handoff = c.handoffIndex();
        c.kill(down);

        ObjectResponse response = put(c, small(c));

        assertThat(response.status()).isEqualTo(201);
        assertThat(stored(c, handoff)).isEqualTo(CONTENT);
        assertThat(c.copies()).isEqualTo(3);
    }

    @Test
    void sendsTheBodyAgainToAHandoffAfterA507AndErrorLimitsTheFullNode() throws IOException {
        StorageCluster c = cluster(4);
        int full = c.indexOf(c.primaries().get(1));
        int handoff = c.handoffIndex();
        c.unmount(full);

        ObjectResponse response = put(c, small(c));

        assertThat(response.status()).isEqualTo(201);
        assertThat(stored(c, handoff)).isEqualTo(CONTENT);
        assertThat(c.copies()).isEqualTo(3);
        assertThat(c.health.limited(c.ring.devices().get(full))).isTrue();
    }

    @Test
    void answers503AndSendsNothingWithoutAQuorumOfConnections() throws Exception {
        StorageCluster c = cluster(3);
        c.kill(0);
        c.kill(1);

        ObjectResponse response = put(c, small(c));

        assertThat(response.status()).isEqualTo(503);
        assertThat(c.dataFiles(2)).isEmpty();
        assertThat(c.files(2, "tmp")).isEmpty();
    }

    @Test
    void answers202AndKeepsTheNewerObjectWhenANodeHasOne() throws IOException {
        StorageCluster c = cluster(3);
        byte[] newer = StorageCluster.bytes(1, SIZE, 99);
        c.putDirect(0, newer, Timestamp.ofMillis(System.currentTimeMillis() + 60_000));

        ObjectResponse response = put(c, small(c));

        assertThat(response.status()).isEqualTo(202);
        assertThat(stored(c, 0)).isEqualTo(newer);
    }

    @Test
    void refusesWithIfNoneMatchBeforeAnyOtherNodeStoresTheObject() throws IOException {
        StorageCluster c = cluster(3);
        c.putDirect(0, StorageCluster.bytes(1, SIZE, 99));
        ObjectPutRequest request = small(c);
        request.headers().set(HttpHeaders.IF_NONE_MATCH, "*");

        ObjectResponse response = put(c, request);

        assertThat(response.status()).isEqualTo(412);
        assertThat(c.dataFiles(1)).isEmpty();
        assertThat(c.dataFiles(2)).isEmpty();
    }

    @Test
    void sendsNothingWhenTheClientBodyFails() throws Exception {
        StorageCluster c = cluster(3);
        Flux<DataBuffer> aborted = StorageCluster.body(1, 1024, 7)
                .concatWith(Flux.error(new IOException("client went away")));

        assertThatThrownBy(() -> put(c, c.putRequest(aborted, SIZE))).hasMessageContaining("client went away");

        for (int i = 0; i < 3; i++) {
            assertThat(c.files(i, "tmp")).isEmpty();
            assertThat(c.dataFiles(i)).isEmpty();
        }
    }

    @Test
    void sendsNothingWhenTheClientBodyEndsShortOfItsLength() throws Exception {
        StorageCluster c = cluster(3);

        assertThatThrownBy(() -> put(c, c.putRequest(StorageCluster.body(1, 1024, 7), SIZE)))
                .hasMessageContaining("1024 of 4096");

        assertThat(c.copies()).isZero();
    }

    @Test
    void answersOnceAQuorumAnsweredWithoutWaitingForASilentNode() throws IOException {
        FakeNode silent = FakeNode.silent();
        fakes.add(silent);
        // A node_timeout far beyond the block: the answer must come from the quorum and post_quorum_timeout.
        BackendSettings patient = BackendSettings.defaults()
                .withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(60), Duration.ofSeconds(60),
                        Duration.ofMillis(200));
        cluster = new StorageCluster(Arrays.asList(silent, null, null), 3, patient);

        ObjectResponse response = cluster.put.put(small(cluster)).block(Duration.ofSeconds(15));

        assertThat(response.status()).isEqualTo(201);
        assertThat(stored(cluster, 1)).isEqualTo(CONTENT);
        assertThat(stored(cluster, 2)).isEqualTo(CONTENT);
    }

    @Test
    void keepsConnectionsAndReplacesOneTheNodeClosed() throws IOException {
        StorageCluster c = fakes(FakeNode.acceptingOnePerConnection(ETAG), FakeNode.acceptingOnePerConnection(ETAG),
                FakeNode.acceptingOnePerConnection(ETAG));

        assertThat(put(c, small(c)).status()).isEqualTo(201);
        assertThat(put(c, small(c)).status()).isEqualTo(201);

        for (FakeNode fake : fakes) {
            // The second PUT found the kept connection closed unanswered and went out again on a new one.
            assertThat(fake.acceptedConnections()).isEqualTo(2);
        }
        for (Node node : c.primaries()) {
            assertThat(c.health.limited(node.device())).isFalse();
        }
    }

}
