package io.ringway.gateway;

import static io.ringway.gateway.cluster.ObjectClient.bytes;
import static io.ringway.gateway.cluster.ObjectClient.eventually;
import static io.ringway.gateway.cluster.ObjectClient.md5;
import static io.ringway.gateway.cluster.ObjectClient.newName;
import static io.ringway.gateway.cluster.ObjectClient.timed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringway.gateway.cluster.ObjectClient;
import io.ringway.gateway.cluster.ObjectClient.Timed;
import io.ringway.gateway.cluster.TcpRelay;
import io.ringway.gateway.cluster.ThreeNodeCluster;
import io.ringway.storage.node.ServerType;
import io.ringway.swift.SwiftStatus;
import io.ringway.testing.http.RawConnection;
import io.ringway.testing.http.RawHttpClient;
import io.ringway.testing.http.RawRequest;
import io.ringway.testing.http.RawResponse;
import java.io.EOFException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The booted gateway over three storage nodes ({@link ThreeNodeCluster}) while nodes fail, through
 * the Swift API as a client sees it: what Swift 2.30's proxy answers, and every byte intact.
 * Nodes are down (connection refused), cut (reset after some response bytes) or stalled (no more
 * response bytes) by the relays in front of them. The gateway reads node 0 first, then 1, then 2;
 * timings are checked against the cluster's {@code recoverable_node_timeout} (1 s),
 * {@code node_timeout} (3 s) and {@code post_quorum_timeout} (0.5 s).
 */
class GatewayFaultIntegrationTests {

    private static final String ACCOUNT = "AUTH_test";
    private static final String CONTAINER = "faults";
    private static final int MIB = 1024 * 1024;

    @TempDir
    static Path base;

    private static ThreeNodeCluster cluster;
    private static ObjectClient client;

    @BeforeAll
    static void start() {
        cluster = ThreeNodeCluster.start(base);
        cluster.createContainer(ACCOUNT, CONTAINER, 0);
        RawHttpClient http = new RawHttpClient("127.0.0.1", cluster.gateway().port(), Duration.ofSeconds(30));
        client = new ObjectClient(http, ACCOUNT, CONTAINER);
    }

    @AfterEach
    void heal() {
        cluster.heal();
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void storesAndServesAnObjectWithOneObjectNodeDown() {
        String name = newName();
        byte[] content = bytes(MIB, 1);
        refuse(0, ServerType.OBJECT);

        RawResponse put = client.put(name, content);
        RawResponse get = client.get(name);

        assertThat(put.status()).as(put.text()).isEqualTo(201);
        assertThat(put.header("ETag")).isEqualTo(md5(content));
        assertThat(get.status()).isEqualTo(200);
        assertThat(md5(get.body())).isEqualTo(md5(content));
        assertThat(dataFileNodes(name)).as("%s", cluster).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void servesTheContainerAndItsObjectsWithAWholeNodeDown() {
        String name = newName();
        byte[] content = bytes(1000, 2);
        for (ServerType type : ServerType.values()) {
            refuse(0, type);
        }

        RawResponse put = client.put(name, content);
        RawResponse get = client.get(name);
        RawResponse head = client.send("HEAD", client.containerPath());

        assertThat(put.status()).as(put.text()).isEqualTo(201);
        assertThat(md5(get.body())).isEqualTo(md5(content));
        assertThat(head.status()).isEqualTo(204);
    }

    @Test
    void refusesAPutWith503WhenTwoObjectNodesAreDownAndLeavesNothingBehind() {
        String name = newName();
        refuse(0, ServerType.OBJECT);
        refuse(1, ServerType.OBJECT);

        RawResponse put = client.put(name, bytes(MIB, 3));
        cluster.heal();
        RawResponse get = client.get(name);

        assertThat(put.status()).isEqualTo(503);
        assertThat(put.text()).isEqualTo(SwiftStatus.defaultBody(503));
        assertThat(get.status()).isEqualTo(404);
        assertThat(cluster.objectFiles(ACCOUNT, CONTAINER, name)).isEmpty();
    }

    /**
     * A client that asks for {@code 100 Continue} sends its body only once the nodes took the PUT:
     * without a quorum of them it gets Swift's 503 instead, and never sends the body, however small.
     */
    @Test
    void refusesASmallPutThatExpectsContinueWith503BeforeItsBodyWhenTwoObjectNodesAreDown() throws Exception {
        String name = newName();
        refuse(0, ServerType.OBJECT);
        refuse(1, ServerType.OBJECT);

        RawResponse put = client.http().exchange(RawRequest.of("PUT", client.path(name))
                .headers("Host", "127.0.0.1", "Content-Type", "application/octet-stream", "Content-Length", "4096")
                .rawBody(bytes(4096, 14))
                .expectContinue());
        cluster.heal();

        assertThat(put.status()).isEqualTo(503);
        assertThat(put.interim()).isEmpty();
        assertThat(cluster.objectFiles(ACCOUNT, CONTAINER, name)).isEmpty();
    }

    @Test
    void answersAGetWith503WhenNoObjectNodeAnswers() {
        String name = newName();
        assertThat(client.put(name, bytes(1000, 4)).status()).isEqualTo(201);
        for (int i = 0; i < ThreeNodeCluster.NODES; i++) {
            refuse(i, ServerType.OBJECT);
        }

        RawResponse get = client.get(name);

        assertThat(get.status()).isEqualTo(503);
        assertThat(get.text()).isEqualTo(SwiftStatus.defaultBody(503));
    }

    @Test
    void givesEveryByteOfAGetWhoseNodeIsCutMidBody() {
        String name = newName();
        byte[] content = bytes(20 * MIB, 5);
        assertThat(client.put(name, content).status()).isEqualTo(201);
        TcpRelay first = cluster.relay(0, ServerType.OBJECT);
        TcpRelay second = cluster.relay(1, ServerType.OBJECT);
        long firstBefore = first.responseBytes();
        long secondBefore = second.responseBytes();
        int cutsBefore = first.cuts();
        first.cutResponsesAfter(5 * MIB);

        RawResponse get = client.get(name);

        assertThat(get.status()).isEqualTo(200);
        assertThat(get.body()).hasSize(content.length);
        assertThat(md5(get.body())).isEqualTo(md5(content));
        assertThat(first.cuts() - cutsBefore).as("node 0 was cut").isEqualTo(1);
        assertThat(first.responseBytes() - firstBefore).isEqualTo(5 * MIB);
        assertThat(second.responseBytes() - secondBefore).as("node 1 sent the rest")
                .isGreaterThanOrEqualTo(15L * MIB);
    }

    /** Once the status is sent it cannot change: a body no node can finish ends the connection short. */
    @Test
    void endsTheClientConnectionShortWhenEveryNodeIsCutMidGet() {
        String name = newName();
        byte[] content = bytes(20 * MIB, 6);
        assertThat(client.put(name, content).status()).isEqualTo(201);
        List<TcpRelay> relays = cluster.relays(ServerType.OBJECT);
        int cutsBefore = relays.stream().mapToInt(TcpRelay::cuts).sum();
        relays.forEach(relay -> relay.cutResponsesAfter(5 * MIB));

        assertThatThrownBy(() -> client.get(name))
                .hasRootCauseInstanceOf(EOFException.class)
                .rootCause().hasMessageContaining("of " + content.length + " bytes");
        assertThat(relays.stream().mapToInt(TcpRelay::cuts).sum() - cutsBefore).as("each node was cut once")
                .isEqualTo(3);
    }

    @Test
    void resumesAGetOnTheNextNodeAfterRecoverableNodeTimeoutWhenItsNodeStallsMidBody() {
        String name = newName();
        byte[] content = bytes(20 * MIB, 7);
        assertThat(client.put(name, content).status()).isEqualTo(201);
        TcpRelay first = cluster.relay(0, ServerType.OBJECT);
        TcpRelay second = cluster.relay(1, ServerType.OBJECT);
        long firstBefore = first.responseBytes();
        long secondBefore = second.responseBytes();
        first.stallResponsesAfter(5 * MIB);

        Timed<RawResponse> get = timed(() -> client.get(name));

        assertThat(get.result().status()).isEqualTo(200);
        assertThat(md5(get.result().body())).isEqualTo(md5(content));
        assertThat(get.took()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(first.responseBytes() - firstBefore).isEqualTo(5 * MIB);
        assertThat(second.responseBytes() - secondBefore).as("node 1 sent the rest")
                .isGreaterThanOrEqualTo(15L * MIB);
    }

    /**
     * Swift waits {@code recoverable_node_timeout}, not {@code node_timeout}, for the headers of
     * an object GET (GetOrHeadHandler, unless X-Newest): a node stalled before its headers costs
     * 1 s here, not 3.
     */
    @Test
    void movesToTheNextNodeAfterRecoverableNodeTimeoutWhenANodeStallsBeforeItsHeaders() {
        String name = newName();
        byte[] content = bytes(MIB, 8);
        assertThat(client.put(name, content).status()).isEqualTo(201);
        cluster.relay(0, ServerType.OBJECT).stallResponsesAfter(0);

        Timed<RawResponse> get = timed(() -> client.get(name));

        assertThat(get.result().status()).isEqualTo(200);
        assertThat(md5(get.result().body())).isEqualTo(md5(content));
        assertThat(get.took()).isBetween(Duration.ofSeconds(1), Duration.ofMillis(2_900));
    }

    @Test
    void waitsNodeTimeoutForTheHeadersOfAnXNewestGet() {
        String name = newName();
        byte[] content = bytes(MIB, 9);
        assertThat(client.put(name, content).status()).isEqualTo(201);
        cluster.relay(0, ServerType.OBJECT).stallResponsesAfter(0);

        Timed<RawResponse> get = timed(() -> client.get(name, "X-Newest", "true"));

        assertThat(get.result().status()).isEqualTo(200);
        assertThat(md5(get.result().body())).isEqualTo(md5(content));
        assertThat(get.took()).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void storesAnObjectWithTheOtherTwoAfterNodeTimeoutWhenANodeNeverContinuesThePut() {
        String name = newName();
        byte[] content = bytes(MIB, 10);
        cluster.relay(0, ServerType.OBJECT).stallResponsesAfter(0);

        Timed<RawResponse> put = timed(() -> client.put(name, content));

        assertThat(put.result().status()).as(put.result().text()).isEqualTo(201);
        assertThat(put.took()).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(dataFileNodes(name)).containsExactlyInAnyOrder(1, 2);
        cluster.heal();
        assertThat(md5(client.get(name).body())).isEqualTo(md5(content));
    }

    /** Once two of three answered, the third gets {@code post_quorum_timeout}, not {@code node_timeout}. */
    @Test
    void answersAPutAfterPostQuorumTimeoutWhenANodeSitsOnItsFinalAnswer() {
        String name = newName();
        byte[] content = bytes(MIB, 11);
        // Node 0 sends its 100 Continue, takes the body, and its final answer never arrives.
        cluster.relay(0, ServerType.OBJECT).stallResponsesAfter("HTTP/1.1 100 Continue\r\n\r\n".length());

        Timed<RawResponse> put = timed(() -> client.put(name, content));

        assertThat(put.result().status()).as(put.result().text()).isEqualTo(201);
        assertThat(put.result().header("ETag")).isEqualTo(md5(content));
        assertThat(put.took()).isBetween(Duration.ofMillis(500), Duration.ofMillis(2_500));
    }

    /**
     * A small PUT goes to each node whole, without a 100-continue: a node that never answers it
     * is waited for only {@code post_quorum_timeout} once the other two stored the object.
     */
    @Test
    void answersASmallPutAfterPostQuorumTimeoutWhenANodeNeverAnswers() {
        String name = newName();
        byte[] content = bytes(4096, 12);
        cluster.relay(0, ServerType.OBJECT).stallResponsesAfter(0);

        Timed<RawResponse> put = timed(() -> client.put(name, content));

        assertThat(put.result().status()).as(put.result().text()).isEqualTo(201);
        assertThat(put.result().header("ETag")).isEqualTo(md5(content));
        assertThat(put.took()).isBetween(Duration.ofMillis(500), Duration.ofMillis(2_500));
        assertThat(dataFileNodes(name)).contains(1, 2);
        cluster.heal();
        assertThat(md5(client.get(name).body())).isEqualTo(md5(content));
    }

    @Test
    void closesTheBackendConnectionWhenTheClientAbortsAGetMidBody() throws Exception {
        String name = newName();
        byte[] content = bytes(20 * MIB, 13);
        assertThat(client.put(name, content).status()).isEqualTo(201);
        TcpRelay first = cluster.relay(0, ServerType.OBJECT);
        int openDuring;

        try (RawConnection connection = client.http().open()) {
            connection.sendHead(RawRequest.of("GET", client.path(name)).header("Host", "127.0.0.1"));
            connection.readHead();
            assertThat(connection.readBytes(MIB)).isEqualTo(Arrays.copyOf(content, MIB));
            openDuring = first.open();
        }

        assertThat(openDuring).isPositive();
        assertThat(eventually(() -> first.open() < openDuring))
                .as("the gateway closed node 0's connection of the abandoned GET").isTrue();
        assertThat(md5(client.get(name).body())).as("the gateway stays healthy").isEqualTo(md5(content));
    }

    @Test
    void leavesNoObjectAndNoBackendConnectionWhenTheClientAbortsAPutMidBody() throws Exception {
        String name = newName();
        byte[] content = bytes(8 * MIB, 12);
        List<TcpRelay> objectRelays = cluster.relays(ServerType.OBJECT);
        int openBefore = objectRelays.stream().mapToInt(TcpRelay::open).sum();
        long[] sentBefore = objectRelays.stream().mapToLong(TcpRelay::requestBytes).toArray();

        boolean streaming;
        try (RawConnection connection = client.http().open()) {
            connection.sendHead(RawRequest.of("PUT", client.path(name)).headers("Host", "127.0.0.1",
                    "Content-Length", Integer.toString(content.length), "Content-Type", "application/octet-stream"));
            connection.send(Arrays.copyOf(content, content.length / 2));
            // Abort only once the body is on its way to every node: mid-body for the gateway too.
            streaming = eventually(() -> {
                for (int i = 0; i < objectRelays.size(); i++) {
                    if (objectRelays.get(i).requestBytes() - sentBefore[i] < MIB) {
                        return false;
                    }
                }
                return true;
            });
        }

        assertThat(streaming).as("the body reached every node: %s", cluster).isTrue();
        assertThat(eventually(() -> objectRelays.stream().mapToInt(TcpRelay::open).sum() <= openBefore))
                .as("backend connections of the aborted PUT closed").isTrue();
        assertThat(client.get(name).status()).isEqualTo(404);
        assertThat(cluster.objectFiles(ACCOUNT, CONTAINER, name)).isEmpty();
        for (int i = 0; i < ThreeNodeCluster.NODES; i++) {
            int node = i;
            assertThat(eventually(() -> cluster.files(node, "tmp").isEmpty()))
                    .as("temp files of node %d removed", node).isTrue();
        }
        String after = newName();
        assertThat(client.put(after, content).status()).as("the gateway stays healthy").isEqualTo(201);
        assertThat(md5(client.get(after).body())).isEqualTo(md5(content));
    }

    private static void refuse(int node, ServerType type) {
        cluster.relay(node, type).refuse();
    }

    /** The nodes holding a {@code .data} file of the object. */
    private static List<Integer> dataFileNodes(String name) {
        return cluster.objectFiles(ACCOUNT, CONTAINER, name).stream()
                .filter(file -> file.getFileName().toString().endsWith(".data"))
                .map(cluster::nodeOf)
                .toList();
    }
}
