package io.ringway.backend;

import static io.ringway.backend.StorageCluster.md5;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;

class ObjectGetTests {

    private static final int CHUNKS = 16;
    private static final int CHUNK = 64 * 1024;
    private static final byte[] CONTENT = StorageCluster.bytes(CHUNKS, CHUNK, 7);
    private static final String ETAG = md5(CONTENT);

    private @Nullable StorageCluster cluster;

    @AfterEach
    void close() throws IOException {
        if (cluster != null) {
            cluster.close();
        }
    }

    private StorageCluster cluster(@Nullable FakeNode... nodes) throws IOException {
        List<@Nullable FakeNode> list = new ArrayList<>(Arrays.asList(nodes));
        cluster = new StorageCluster(list, 3, StorageCluster.quickSettings());
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == null) {
                cluster.putDirect(i, CONTENT);
            }
        }
        return cluster;
    }

    private static StorageCluster.Digest read(ObjectResponse response) {
        return StorageCluster.digest(response.body()).block(Duration.ofSeconds(20));
    }

    @Test
    void streamsTheObjectFromTheFirstNode() throws Exception {
        StorageCluster c = cluster(null, null, null);

        ObjectResponse response = c.get.get(c.getRequest(HttpMethod.GET)).block(Duration.ofSeconds(10));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().getETag()).isEqualTo("\"" + ETAG + "\"");
        StorageCluster.Digest digest = read(response);
        assertThat(digest.length()).isEqualTo(CONTENT.length);
        assertThat(digest.hex()).isEqualTo(ETAG);
    }

    @Test
    void headAnswersWithoutBody() throws Exception {
        StorageCluster c = cluster(null, null, null);

        ObjectResponse response = c.get.get(c.getRequest(HttpMethod.HEAD)).block(Duration.ofSeconds(10));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().getContentLength()).isEqualTo(CONTENT.length);
        assertThat(read(response).length()).isZero();
    }

    @Test
    void answersNotModifiedWithoutBody() throws IOException {
        StorageCluster c = cluster(null, null, null);

        ObjectResponse response = c.get.get(c.getRequest(HttpMethod.GET, "If-None-Match", "\"" + ETAG + "\""))
                .block(Duration.ofSeconds(10));

        assertThat(response.status()).isEqualTo(304);
        assertThat(read(response).length()).isZero();
    }

    @Test
    void answersPreconditionFailedAfterAskingEveryPrimary() throws IOException {
        StorageCluster c = cluster(null, null, null);

        ObjectResponse response = c.get.get(c.getRequest(HttpMethod.GET, "If-Match", "\"nope\""))
                .block(Duration.ofSeconds(10));

        assertThat(response.status()).isEqualTo(412);
        assertThat(read(response).length()).isZero();
    }

    @Test
    void xNewestServesTheCopyWithTheNewestTimestamp() throws Exception {
        cluster = new StorageCluster(Arrays.asList(null, null, null), 3, StorageCluster.quickSettings());
        byte[] older = StorageCluster.bytes(1, 1000, 1);
        byte[] newer = StorageCluster.bytes(1, 1000, 2);
        cluster.putDirect(0, older, io.ringway.swift.Timestamp.ofMillis(1_700_000_000_000L));
        cluster.putDirect(1, older, io.ringway.swift.Timestamp.ofMillis(1_700_000_000_000L));
        cluster.putDirect(2, newer, io.ringway.swift.Timestamp.ofMillis(1_700_000_001_000L));

        for (int i = 0; i < 5; i++) {
            ObjectResponse response = cluster.get.get(cluster.getRequest(HttpMethod.GET, "X-Newest", "true"))
                    .block(Duration.ofSeconds(10));

            assertThat(response.headers().getFirst("X-Timestamp")).isEqualTo("1700000001.00000");
            assertThat(read(response).hex()).isEqualTo(md5(newer));
        }
    }

    @Test
    void xNewestHeadAsksEveryPrimary() throws Exception {
        FakeNode counting = FakeNode.answering(404);
        cluster = new StorageCluster(Arrays.asList(counting, null, null), 3, StorageCluster.quickSettings());
        cluster.putDirect(1, CONTENT);
        cluster.putDirect(2, CONTENT);

        ObjectResponse response = cluster.get.get(cluster.getRequest(HttpMethod.HEAD, "X-Newest", "yes"))
                .block(Duration.ofSeconds(10));

        assertThat(response.status()).isEqualTo(200);
        assertThat(counting.requests()).hasSize(1);
    }

    @Test
    void resumesFromTheNextNodeWhenANodeDiesMidBody() throws Exception {
        FakeNode dying = FakeNode.dyingAfter(CONTENT, ETAG, 300_000);
        StorageCluster c = cluster(dying, null, null);

        ObjectResponse response = c.get.get(c.getRequest(HttpMethod.GET)).block(Duration.ofSeconds(10));

        assertThat(response.status()).isEqualTo(200);
        StorageCluster.Digest digest = read(response);
        assertThat(digest.length()).isEqualTo(CONTENT.length);
        assertThat(digest.hex()).isEqualTo(ETAG);
        assertThat(dying.requests()).containsExactly("GET null");
    }

    @Test
    void resumesAfterAStalledNodeTimesOut() throws Exception {
        FakeNode stalling = FakeNode.stallingAfter(CONTENT, ETAG, 200_000);
        StorageCluster c = cluster(stalling, null, null);

        ObjectResponse response = c.get.get(c.getRequest(HttpMethod.GET)).block(Duration.ofSeconds(10));
        StorageCluster.Digest digest = read(response);

        assertThat(digest.length()).isEqualTo(CONTENT.length);
        assertThat(digest.hex()).isEqualTo(ETAG);
        assertThat(StorageCluster.eventually(() -> stalling.openConnections() == 0)).isTrue();
    }

    @Test
    void resumesAnOriginalRangeFromWhereItBroke() throws Exception {
        FakeNode dying = FakeNode.dyingAfter(Arrays.copyOfRange(CONTENT, 1000, 501_000), ETAG, 100_000);
        StorageCluster c = cluster(dying, null, null);

        ObjectResponse response = c.get.get(c.getRequest(HttpMethod.GET, "Range", "bytes=1000-500999"))
                .block(Duration.ofSeconds(10));
        StorageCluster.Digest digest = read(response);

        assertThat(digest.length()).isEqualTo(500_000);
        assertThat(digest.hex()).isEqualTo(md5(Arrays.copyOfRange(CONTENT, 1000, 501_000)));
    }

    @Test
    void refusesToResumeFromANodeWithAnotherEtag() throws Exception {
        byte[] other = StorageCluster.bytes(CHUNKS, CHUNK, 8);
        FakeNode dying = FakeNode.dyingAfter(CONTENT, ETAG, 300_000);
        FakeNode otherVersion = FakeNode.serving(other, md5(other));
        StorageCluster c = cluster(dying, otherVersion, null);

        ObjectResponse response = c.get.get(c.getRequest(HttpMethod.GET)).block(Duration.ofSeconds(10));
        StorageCluster.Digest digest = read(response);

        assertThat(digest.hex()).isEqualTo(ETAG);
        assertThat(otherVersion.requests()).containsExactly("GET bytes=300000-");
    }

    @Test
    void skipsANodeThatNeverAnswers() throws Exception {
        FakeNode silent = FakeNode.silent();
        StorageCluster c = cluster(silent, null, null);

        ObjectResponse response = c.get.get(c.getRequest(HttpMethod.GET)).block(Duration.ofSeconds(10));

        assertThat(response.status()).isEqualTo(200);
        assertThat(read(response).hex()).isEqualTo(ETAG);
    }

    @Test
    void leavesANodeSilentBeforeItsHeadersAfterRecoverableNodeTimeoutAsSwift() throws Exception {
        StorageCluster c = cluster(FakeNode.silent(), null, null);

        long start = System.nanoTime();
        ObjectResponse response = c.get.get(c.getRequest(HttpMethod.GET)).block(Duration.ofSeconds(10));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(response.status()).isEqualTo(200);
        assertThat(read(response).hex()).isEqualTo(ETAG);
        assertThat(took).isBetween(c.settings.recoverableNodeTimeout(), c.settings.nodeTimeout().minusMillis(100));
    }

    @Test
    void waitsNodeTimeoutForTheHeadersOfAnXNewestGet() throws Exception {
        StorageCluster c = cluster(FakeNode.silent(), null, null);

        long start = System.nanoTime();
        ObjectResponse response = c.get.get(c.getRequest(HttpMethod.GET, "X-Newest", "true"))
                .block(Duration.ofSeconds(10));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(response.status()).isEqualTo(200);
        assertThat(read(response).hex()).isEqualTo(ETAG);
        assertThat(took).isGreaterThanOrEqualTo(c.settings.nodeTimeout());
    }

    @Test
    void skipsServerErrorsAndErrorLimitsA507() throws Exception {
        FakeNode full = FakeNode.answering(507);
        FakeNode broken = FakeNode.answering(503);
        StorageCluster c = cluster(full, broken, null);

        ObjectResponse response = c.get.get(c.getRequest(HttpMethod.GET)).block(Duration.ofSeconds(10));

        assertThat(response.status()).isEqualTo(200);
        assertThat(read(response).hex()).isEqualTo(ETAG);
        assertThat(c.health.limited(c.ring.devices().get(0))).isTrue();
        assertThat(c.health.limited(c.ring.devices().get(1))).isFalse();

        ObjectResponse again = c.get.get(c.getRequest(HttpMethod.GET)).block(Duration.ofSeconds(10));
        read(again);
        assertThat(full.acceptedConnections()).isEqualTo(1);
    }

    @Test
    void answers404WhenEveryNodeSays404() throws Exception {
        cluster = new StorageCluster(Arrays.asList(null, null, null), 3, StorageCluster.quickSettings());

        ObjectResponse response = cluster.get.get(cluster.getRequest(HttpMethod.GET)).block(Duration.ofSeconds(10));

        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void answers503WhenNoNodeAnswers() throws Exception {
        cluster = new StorageCluster(Arrays.asList(null, null, null), 3, StorageCluster.quickSettings());
        cluster.kill(0);
        cluster.kill(1);
        cluster.kill(2);

        ObjectResponse response = cluster.get.get(cluster.getRequest(HttpMethod.GET)).block(Duration.ofSeconds(10));

        assertThat(response.status()).isEqualTo(503);
    }

    @Test
    void clientCancelClosesTheBackendConnection() throws Exception {
        FakeNode stalling = FakeNode.stallingAfter(CONTENT, ETAG, 100_000);
        StorageCluster c = cluster(stalling, null, null);

        ObjectResponse response = c.get.get(c.getRequest(HttpMethod.GET)).block(Duration.ofSeconds(10));
        response.body()
                .take(1)
                .doOnNext(DataBufferUtils::release)
                .blockLast(Duration.ofSeconds(5));

        assertThat(StorageCluster.eventually(() -> stalling.openConnections() == 0)).isTrue();
    }
}
