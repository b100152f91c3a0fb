package io.ringway.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** PUT connections kept alive between PUTs ({@link PutChannels}), against nodes that count connections. */
class PutChannelsTests {

    private static final int SIZE = 100_000;
    private static final String ETAG = StorageCluster.md5(StorageCluster.bytes(1, SIZE, 5));

    private final List<FakeNode> nodes = new ArrayList<>();
    private @Nullable StorageCluster cluster;

    @AfterEach
    void close() throws IOException {
        if (cluster != null) {
            cluster.close();
        }
        nodes.forEach(FakeNode::close);
    }

    /** Three nodes; one error limits a node, so that any error shows. */
    private StorageCluster cluster(FakeNode... fakes) throws IOException {
        nodes.addAll(List.of(fakes));
        cluster = new StorageCluster(List.of(fakes), 3, StorageCluster.quickSettings()
                .withErrorSuppression(0, Duration.ofMinutes(1)));
        return cluster;
    }

    private static int put(StorageCluster c) {
        return c.put.put(c.putRequest(StorageCluster.body(1, SIZE, 5), SIZE)).block(Duration.ofSeconds(20)).status();
    }

    private static boolean anyLimited(StorageCluster c) {
        return c.ring.devices().stream().anyMatch(c.health::limited);
    }

    @Test
    void putsOneAfterAnotherReuseOneConnectionPerNode() throws IOException {
        StorageCluster c = cluster(FakeNode.accepting(ETAG), FakeNode.accepting(ETAG), FakeNode.accepting(ETAG));

        for (int i = 0; i < 5; i++) {
            assertThat(put(c)).isEqualTo(201);
        }

        for (FakeNode node : nodes) {
            assertThat(node.requests()).hasSize(5);
            assertThat(node.acceptedConnections()).isEqualTo(1);
            assertThat(node.openConnections()).isEqualTo(1);
        }
        assertThat(anyLimited(c)).isFalse();
    }

    @Test
    void aKeptConnectionTheNodeClosedIsReplacedWithoutANodeError() throws IOException {
        StorageCluster c = cluster(FakeNode.accepting(ETAG), FakeNode.acceptingOnePerConnection(ETAG),
                FakeNode.accepting(ETAG));

        assertThat(put(c)).isEqualTo(201);
        assertThat(put(c)).isEqualTo(201);
        assertThat(put(c)).isEqualTo(201);

        FakeNode closing = nodes.get(1);
        // Each later PUT: the kept connection's request was closed unanswered, then a new connection took it.
        assertThat(closing.requests()).hasSize(5);
        assertThat(closing.acceptedConnections()).isEqualTo(3);
        assertThat(nodes.get(0).acceptedConnections()).isEqualTo(1);
        assertThat(anyLimited(c)).as("no node error for a kept connection found closed").isFalse();
    }

    @Test
    void aConnectionWhoseNodeDidNotAnswer2xxIsNotKept() throws IOException {
        StorageCluster c = cluster(FakeNode.accepting(ETAG), FakeNode.accepting(ETAG), FakeNode.answering(409));

        assertThat(put(c)).isEqualTo(202);
        assertThat(put(c)).isEqualTo(202);

        FakeNode refusing = nodes.get(2);
        assertThat(refusing.acceptedConnections()).isEqualTo(2);
        await(() -> refusing.openConnections() == 0);
        // The others were not sent the body (Swift answers 202 to a 409), so their connections closed too.
        assertThat(nodes.get(0).acceptedConnections()).isEqualTo(2);
    }

    @Test
    void closingThePoolClosesTheKeptConnections() throws IOException {
        StorageCluster c = cluster(FakeNode.accepting(ETAG), FakeNode.accepting(ETAG), FakeNode.accepting(ETAG));
        assertThat(put(c)).isEqualTo(201);

        c.client.close();

        for (FakeNode node : nodes) {
            await(() -> node.openConnections() == 0);
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 5 s").isLessThan(deadline);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
