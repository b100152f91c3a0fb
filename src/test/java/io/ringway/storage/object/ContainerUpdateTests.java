package io.ringway.storage.object;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.testing.http.RawResponse;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.netty.http.client.HttpClient;

/** Container updates after PUT, POST and DELETE, async pending files when they fail, and the updater's sweep. */
class ContainerUpdateTests {

    private static final String PATH = "/sda1/0/a/c/o";

    @RegisterExtension
    final ObjectServerFixture fixture = ObjectServerFixture.perTest();
    FakeContainerServer container;

    @BeforeEach
    void start() throws IOException {
        container = new FakeContainerServer(0);
    }

    @AfterEach
    void stop() {
        container.close();
    }

    @Test
    void putSendsContainerUpdateWithSwiftsHeaders() throws IOException {
        String ts = fixture.nextTimestamp();
        RawResponse put = fixture.put(PATH, "hello", "X-Timestamp", ts, "Content-Type", "text/x-greeting",
                "X-Trans-Id", "tx123", "X-Container-Host", "127.0.0.1:" + container.port(),
                "X-Container-Device", "sdb1", "X-Container-Partition", "7");
        assertThat(put.status()).isEqualTo(201);
        assertThat(container.requests()).hasSize(1);
        FakeContainerServer.Recorded update = container.requests().get(0);
        assertThat(update.method()).isEqualTo("PUT");
        assertThat(update.uri()).isEqualTo("/sdb1/7/a/c/o");
        assertThat(update.headers()).containsEntry("x-size", "5")
                .containsEntry("x-content-type", "text/x-greeting")
                .containsEntry("x-etag", "5d41402abc4b2a76b9719d911017c592")
                .containsEntry("x-timestamp", ts)
                .containsEntry("x-trans-id", "tx123")
                .containsEntry("x-backend-storage-policy-index", "0")
                .containsKey("referer");
        assertThat(update.headers().get("referer")).startsWith("PUT http://").endsWith(PATH);
        assertThat(update.headers().get("user-agent")).startsWith("object-server ");
        assertThat(fixture.filesUnder("async_pending")).isEmpty();
    }

    @Test
    void deleteAndPostUpdateTheContainerToo() throws IOException {
        fixture.put(PATH, "hello");
        String host = "127.0.0.1:" + container.port();
        String postTs = fixture.nextTimestamp();
        fixture.request("POST", PATH, "X-Timestamp", postTs, "X-Container-Host", host, "X-Container-Device", "sdb1",
                "X-Container-Partition", "7", "Content-Type", "text/new");
        String deleteTs = fixture.nextTimestamp();
        fixture.request("DELETE", PATH, "X-Timestamp", deleteTs, "X-Container-Host", host,
                "X-Container-Device", "sdb1", "X-Container-Partition", "7");
        assertThat(container.requests()).extracting(FakeContainerServer.Recorded::method).containsExactly("PUT", "DELETE");
        assertThat(container.requests().get(0).headers()).containsEntry("x-meta-timestamp", postTs)
                .containsEntry("x-content-type", "text/new")
                .containsEntry("x-size", "5");
        assertThat(container.requests().get(1).headers()).containsEntry("x-timestamp", deleteTs);
    }

    @Test
    void updatesGoToEveryContainerByPositionAndQuoteThePath() throws IOException {
        try (FakeContainerServer second = new FakeContainerServer(0)) {
            fixture.put("/sda1/0/a/c/o%20x", "x", "X-Container-Host",
                    "127.0.0.1:" + container.port() + ", 127.0.0.1:" + second.port(),
                    "X-Container-Device", "sdb1,sdc1", "X-Container-Partition", "3");
            assertThat(container.requests()).singleElement().extracting(FakeContainerServer.Recorded::uri)
                    .isEqualTo("/sdb1/3/a/c/o%20x");
            assertThat(second.requests()).singleElement().extracting(FakeContainerServer.Recorded::uri)
                    .isEqualTo("/sdc1/3/a/c/o%20x");
        }
    }

    @Test
    void updateGoesToTheShardNamedByTheProxy() throws Exception {
        fixture.put(PATH, "hello", "X-Container-Host", "127.0.0.1:" + container.port(),
                "X-Container-Device", "sdb1", "X-Container-Partition", "7",
                "X-Backend-Quoted-Container-Path", ".shards_a/c-shard%201");
        assertThat(container.requests()).singleElement().extracting(FakeContainerServer.Recorded::uri)
                .isEqualTo("/sdb1/7/.shards_a/c-shard%201/o");
        int port = freePort();
        fixture.request("DELETE", PATH, "X-Timestamp", fixture.nextTimestamp(),
                "X-Container-Host", "127.0.0.1:" + port, "X-Container-Device", "sdb1",
                "X-Container-Partition", "7", "X-Backend-Container-Path", ".shards_a/c-shard2");
        try (FakeContainerServer revived = new FakeContainerServer(port)) {
            awaitPending(1);
            new ObjectUpdater(fixture.deviceRoot, ObjectUpdaterSettings.defaults(), HttpClient.create())
                    .sweep()
                    .block(Duration.ofSeconds(10));
            assertThat(revived.requests()).singleElement().extracting(FakeContainerServer.Recorded::uri)
                    .isEqualTo("/sdb1/7/.shards_a/c-shard2/o");
        }
    }

    @Test
    void failedUpdateIsSavedAndDeliveredByALaterSweep() throws Exception {
        int port = freePort();
        String ts = fixture.nextTimestamp();
        RawResponse put = fixture.put(PATH, "hello", "X-Timestamp", ts, "X-Container-Host", "127.0.0.1:" + port,
                "X-Container-Device", "sdb1", "X-Container-Partition", "7");
        assertThat(put.status()).isEqualTo(201);
        String hash = ObjectServerFixture.HASH_PATH.hex("a", "c", "o");
        List<Path> pending = awaitPending(1);
        assertThat(pending).singleElement().satisfies(file -> {
            assertThat(file.getFileName().toString()).isEqualTo(hash + "-" + ts);
            assertThat(file.getParent().getFileName().toString()).isEqualTo(hash.substring(29));
        });

        ObjectUpdater updater = new ObjectUpdater(fixture.deviceRoot, ObjectUpdaterSettings.defaults(),
                HttpClient.create());
        ObjectUpdater.Sweep failed = updater.sweep().block(Duration.ofSeconds(10));
        assertThat(failed.failures()).isEqualTo(1);
        assertThat(fixture.filesUnder("async_pending")).hasSize(1);

        try (FakeContainerServer revived = new FakeContainerServer(port)) {
            ObjectUpdater.Sweep swept = updater.sweep().block(Duration.ofSeconds(10));
            assertThat(swept.successes()).isEqualTo(1);
            assertThat(revived.requests()).singleElement().satisfies(update -> {
                assertThat(update.method()).isEqualTo("PUT");
                assertThat(update.uri()).isEqualTo("/sdb1/7/a/c/o");
                assertThat(update.headers()).containsEntry("x-timestamp", ts).containsEntry("x-size", "5");
                assertThat(update.headers().get("user-agent")).startsWith("object-updater ");
            });
        }
        assertThat(fixture.filesUnder("async_pending")).isEmpty();
    }

    @Test
    void pendingUpdateRemembersWhichContainersStillOweIt() throws Exception {
        int downPort = freePort();
        container.answer(503);
        fixture.put(PATH, "hello", "X-Container-Host", "127.0.0.1:" + container.port() + ",127.0.0.1:" + downPort,
                "X-Container-Device", "sdb1,sdc1", "X-Container-Partition", "7");
        Path pending = awaitPending(1).get(0);
        assertThat(AsyncPending.read(pending).targets()).hasSize(2);

        container.answer(201);
        ObjectUpdater updater = new ObjectUpdater(fixture.deviceRoot, ObjectUpdaterSettings.defaults(),
                HttpClient.create());
        assertThat(updater.sweep().block(Duration.ofSeconds(10)).failures()).isEqualTo(1);
        assertThat(AsyncPending.read(pending).targets()).extracting(AsyncPending.Target::device).containsExactly("sdc1");

        try (FakeContainerServer revived = new FakeContainerServer(downPort)) {
            assertThat(updater.sweep().block(Duration.ofSeconds(10)).successes()).isEqualTo(1);
            assertThat(revived.requests()).singleElement().extracting(FakeContainerServer.Recorded::uri)
                    .isEqualTo("/sdc1/7/a/c/o");
        }
        assertThat(container.requests()).hasSize(2);
        assertThat(fixture.filesUnder("async_pending")).isEmpty();
    }

    @Test
    void errorStatusFromContainerIsSavedForLater() throws IOException {
        container.answer(503);
        fixture.put(PATH, "hello", "X-Container-Host", "127.0.0.1:" + container.port(),
                "X-Container-Device", "sdb1", "X-Container-Partition", "7");
        assertThat(awaitPending(1)).hasSize(1);
        container.answer(201);
        new ObjectUpdater(fixture.deviceRoot, ObjectUpdaterSettings.defaults(), HttpClient.create())
                .sweep()
                .block(Duration.ofSeconds(10));
        assertThat(fixture.filesUnder("async_pending")).isEmpty();
        assertThat(container.requests()).hasSize(2);
    }

    @Test
    void sweepSendsOnlyTheNewestPendingUpdateOfAnObject() throws Exception {
        int port = freePort();
        String first = fixture.nextTimestamp();
        fixture.put(PATH, "one", "X-Timestamp", first, "X-Container-Host", "127.0.0.1:" + port,
                "X-Container-Device", "sdb1", "X-Container-Partition", "7");
        String second = fixture.nextTimestamp();
        fixture.request("DELETE", PATH, "X-Timestamp", second, "X-Container-Host", "127.0.0.1:" + port,
                "X-Container-Device", "sdb1", "X-Container-Partition", "7");
        awaitPending(2);
        try (FakeContainerServer revived = new FakeContainerServer(port)) {
            ObjectUpdater.Sweep sweep = new ObjectUpdater(fixture.deviceRoot,
                    ObjectUpdaterSettings.defaults(), HttpClient.create())
                    .sweep()
                    .block(Duration.ofSeconds(10));
            assertThat(sweep).isEqualTo(new ObjectUpdater.Sweep(1, 0, 1));
            assertThat(revived.requests()).singleElement().satisfies(update -> {
                assertThat(update.method()).isEqualTo("DELETE");
                assertThat(update.headers()).containsEntry("x-timestamp", second);
            });
        }
        assertThat(fixture.filesUnder("async_pending")).isEmpty();
    }

    @Test
    void slowContainerDoesNotHoldTheAnswerPastContainerUpdateTimeout() throws IOException {
        try (ServerSocket silent = new ServerSocket(0);
                ObjectServerFixture quick = new ObjectServerFixture(fixture.devices.resolve("quick"),
                        ObjectServerSettings.defaults().withFallocateReserve("0")
                                .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(800), Duration.ofMillis(100)))) {
            long start = System.nanoTime();
            RawResponse put = quick.put(PATH, "x", "X-Container-Host", "127.0.0.1:" + silent.getLocalPort(),
                    "X-Container-Device", "sdb1", "X-Container-Partition", "7");
            assertThat(put.status()).isEqualTo(201);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(700));
            // the update goes on in the background and, timed out by node_timeout, is saved
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (quick.filesUnder("async_pending").isEmpty() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(quick.filesUnder("async_pending")).hasSize(1);
        }
    }

    private List<Path> awaitPending(int count) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<Path> pending = fixture.filesUnder("async_pending");
        while (pending.size() < count && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            pending = fixture.filesUnder("async_pending");
        }
        return pending;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
