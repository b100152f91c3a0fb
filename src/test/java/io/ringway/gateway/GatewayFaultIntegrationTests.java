package io.ringway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.gateway.cluster.TcpRelay;
import io.ringway.gateway.cluster.ThreeNodeCluster;
import io.ringway.storage.node.ServerType;
import io.ringway.swift.SwiftStatus;
import io.ringway.testing.http.RawConnection;
import io.ringway.testing.http.RawHttpClient;
import io.ringway.testing.http.RawRequest;
import io.ringway.testing.http.RawResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The booted gateway over three storage nodes ({@link ThreeNodeCluster}) while nodes fail, through
 * the Swift API as a client sees it: what Swift 2.30's proxy answers, and every byte intact.
 * The gateway reads node 0 first, then 1, then 2; GETs that fail over are timed against the
 * cluster's {@code recoverable_node_timeout} (1 s) and {@code node_timeout} (3 s).
 */
class GatewayFaultIntegrationTests {

    private static final String ACCOUNT = "AUTH_test";
    private static final String CONTAINER = "faults";
    private static final int MIB = 1024 * 1024;
    private static final AtomicInteger NAMES = new AtomicInteger();

    @TempDir
    static Path base;

    private static ThreeNodeCluster cluster;
    private static RawHttpClient gateway;

    @BeforeAll
    static void start() throws IOException {
        cluster = ThreeNodeCluster.start(base);
        cluster.createContainer(ACCOUNT, CONTAINER, 0);
        gateway = new RawHttpClient("127.0.0.1", cluster.gateway().port(), Duration.ofSeconds(30));
    }

    @AfterEach
    void heal() throws IOException {
        cluster.heal();
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void storesAndServesAnObjectWithOneObjectNodeDown() throws Exception {
        String name = newName();
        byte[] content = bytes(MIB, 1);
        cluster.relay(0, ServerType.OBJECT).refuse();

        RawResponse put = put(name, content);
        RawResponse get = get(name);

        assertThat(put.status()).as(put.text()).isEqualTo(201);
        assertThat(put.header("ETag")).isEqualTo(md5(content));
        assertThat(get.status()).isEqualTo(200);
        assertThat(md5(get.body())).isEqualTo(md5(content));
        assertThat(dataFileNodes(name)).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void refusesAPutWith503WhenTwoObjectNodesAreDownAndLeavesNothingBehind() throws Exception {
        String name = newName();
        cluster.relay(0, ServerType.OBJECT).refuse();
        cluster.relay(1, ServerType.OBJECT).refuse();

        RawResponse put = put(name, bytes(MIB, 2));
        cluster.heal();
        RawResponse get = get(name);

        assertThat(put.status()).isEqualTo(503);
        assertThat(put.text()).isEqualTo(SwiftStatus.defaultBody(503));
        assertThat(get.status()).isEqualTo(404);
        assertThat(cluster.objectFiles(ACCOUNT, CONTAINER, name)).isEmpty();
    }

    @Test
    void givesEveryByteOfAGetWhoseNodeIsCutMidBody() throws Exception {
        String name = newName();
        byte[] content = bytes(20 * MIB, 3);
        assertThat(put(name, content).status()).isEqualTo(201);
        TcpRelay first = cluster.relay(0, ServerType.OBJECT);
        TcpRelay second = cluster.relay(1, ServerType.OBJECT);
        int secondBefore = second.accepted();
        first.cutResponsesAfter(5 * MIB);

        RawResponse get = get(name);

        assertThat(get.status()).isEqualTo(200);
        assertThat(get.body()).hasSize(content.length);
        assertThat(md5(get.body())).isEqualTo(md5(content));
        assertThat(second.accepted()).as("the resume went to node 1").isGreaterThan(secondBefore);
    }

    @Test
    void resumesAGetOnTheNextNodeAfterRecoverableNodeTimeoutWhenItsNodeStallsMidBody() throws Exception {
        String name = newName();
        byte[] content = bytes(20 * MIB, 4);
        assertThat(put(name, content).status()).isEqualTo(201);
        cluster.relay(0, ServerType.OBJECT).stallResponsesAfter(5 * MIB);

        long start = System.nanoTime();
        RawResponse get = get(name);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(get.status()).isEqualTo(200);
        assertThat(md5(get.body())).isEqualTo(md5(content));
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    /**
     * Swift waits {@code recoverable_node_timeout}, not {@code node_timeout}, for the headers of
     * an object GET (GetOrHeadHandler, unless X-Newest): a node stalled before its headers costs
     * 1 s here, not 3.
     */
    @Test
    void movesToTheNextNodeAfterRecoverableNodeTimeoutWhenANodeStallsBeforeItsHeaders() throws Exception {
        String name = newName();
        byte[] content = bytes(MIB, 5);
        assertThat(put(name, content).status()).isEqualTo(201);
        cluster.relay(0, ServerType.OBJECT).stallResponsesAfter(0);

        long start = System.nanoTime();
        RawResponse get = get(name);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(get.status()).isEqualTo(200);
        assertThat(md5(get.body())).isEqualTo(md5(content));
        assertThat(took).isBetween(Duration.ofSeconds(1), Duration.ofMillis(2_900));
    }

    @Test
    void waitsNodeTimeoutForHeadersOfAnXNewestGet() throws Exception {
        String name = newName();
        byte[] content = bytes(MIB, 6);
        assertThat(put(name, content).status()).isEqualTo(201);
        cluster.relay(0, ServerType.OBJECT).stallResponsesAfter(0);

        long start = System.nanoTime();
        RawResponse get = gateway.send(RawRequest.of("GET", path(name))
                .headers("Host", "127.0.0.1", "X-Newest", "true"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(get.status()).isEqualTo(200);
        assertThat(md5(get.body())).isEqualTo(md5(content));
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void leavesNoObjectAndNoBackendConnectionWhenTheClientAbortsAPutMidBody() throws Exception {
        String name = newName();
        byte[] content = bytes(8 * MIB, 7);
        List<TcpRelay> objectRelays = cluster.relays(ServerType.OBJECT);
        int openBefore = objectRelays.stream().mapToInt(TcpRelay::open).sum();

        try (RawConnection connection = gateway.open()) {
            connection.sendHead(RawRequest.of("PUT", path(name)).headers("Host", "127.0.0.1",
                    "Content-Length", Integer.toString(content.length), "Content-Type", "application/octet-stream"));
            connection.send(java.util.Arrays.copyOf(content, content.length / 2));
        }

        assertThat(eventually(() -> objectRelays.stream().mapToInt(TcpRelay::open).sum() <= openBefore))
                .as("backend connections of the aborted PUT closed").isTrue();
        assertThat(get(name).status()).isEqualTo(404);
        assertThat(cluster.objectFiles(ACCOUNT, CONTAINER, name)).isEmpty();
        for (int i = 0; i < ThreeNodeCluster.NODES; i++) {
            int node = i;
            assertThat(eventually(() -> cluster.files(node, "tmp").isEmpty()))
                    .as("temp files of node %d removed", node).isTrue();
        }
        String after = newName();
        assertThat(put(after, content).status()).as("the gateway stays healthy").isEqualTo(201);
        assertThat(md5(get(after).body())).isEqualTo(md5(content));
    }

    @Test
    void storesAnObjectWithAContainerServerDownAndTheListingCatchesUpOnceTheUpdaterDeliversIt()
            throws Exception {
        String name = newName();
        cluster.relay(0, ServerType.CONTAINER).refuse();

        RawResponse put = put(name, bytes(1000, 8));
        boolean pending = eventually(() -> asyncPendings() > 0);
        cluster.heal();

        assertThat(put.status()).as(put.text()).isEqualTo(201);
        assertThat(pending).as("the failed container update is kept as an async pending").isTrue();
        assertThat(eventually(() -> listingOnNode0().contains(name)))
                .as("the updater delivered the update to container server 0").isTrue();
        assertThat(eventually(() -> asyncPendings() == 0)).isTrue();
        RawResponse listing = gateway.send(RawRequest.of("GET", "/v1/" + ACCOUNT + "/" + CONTAINER + "?format=json")
                .header("Host", "127.0.0.1"));
        assertThat(listing.status()).isEqualTo(200);
        assertThat(listing.text()).contains("\"name\": \"" + name + "\"");
    }

    private static int asyncPendings() {
        int count = 0;
        for (int i = 0; i < ThreeNodeCluster.NODES; i++) {
            count += cluster.files(i, "async_pending").size();
        }
        return count;
    }

    /** Container server 0's own listing, past its relay. */
    private static String listingOnNode0() {
        int partition = cluster.gatewayContext().getBean(io.ringway.ring.Rings.class).container()
                .partition(ACCOUNT, CONTAINER, null);
        return cluster.direct(0, ServerType.CONTAINER, "GET",
                "/" + ThreeNodeCluster.device(0) + "/" + partition + "/" + ACCOUNT + "/" + CONTAINER + "?format=json")
                .text();
    }

    private static List<Integer> dataFileNodes(String name) {
        return cluster.objectFiles(ACCOUNT, CONTAINER, name).stream()
                .filter(file -> file.getFileName().toString().endsWith(".data"))
                .map(file -> {
                    for (int i = 0; i < ThreeNodeCluster.NODES; i++) {
                        if (file.startsWith(cluster.deviceDir(i))) {
                            return i;
                        }
                    }
                    throw new IllegalStateException("not on a node: " + file);
                })
                .toList();
    }

    private static String newName() {
        return "o-" + NAMES.incrementAndGet() + "-" + System.nanoTime();
    }

    private static String path(String name) {
        return "/v1/" + ACCOUNT + "/" + CONTAINER + "/" + name;
    }

    private static RawResponse put(String name, byte[] content) {
        return gateway.send(RawRequest.of("PUT", path(name))
                .headers("Host", "127.0.0.1", "Content-Type", "application/octet-stream",
                        "Content-Length", Integer.toString(content.length))
                .rawBody(content));
    }

    private static RawResponse get(String name) {
        return gateway.send(RawRequest.of("GET", path(name)).header("Host", "127.0.0.1"));
    }

    private static byte[] bytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static String md5(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }

    /** Polls for up to 15 seconds: servers and updaters act on their own time. */
    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return condition.getAsBoolean();
    }
}
