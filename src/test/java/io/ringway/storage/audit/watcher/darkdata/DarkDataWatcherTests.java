package io.ringway.storage.audit.watcher.darkdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringway.ring.Device;
import io.ringway.ring.Ring;
import io.ringway.ring.RingBuilder;
import io.ringway.storage.audit.watcher.AuditTarget;
import io.ringway.storage.audit.watcher.AuditType;
import io.ringway.storage.audit.watcher.QuarantineRequest;
import io.ringway.swift.HashPath;
import io.ringway.swift.Timestamp;
import io.ringway.testing.http.FakeHttpServer;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * dark_data against three scripted container servers: dark only when every replica answers and
 * none lists the object; a replica that fails makes it unknown, never dark.
 */
class DarkDataWatcherTests {

    private static final Clock NOW = Clock.fixed(Instant.ofEpochSecond(1_800_000_000L), ZoneOffset.UTC);
    private static final String OLD = Timestamp.ofMillis(NOW.millis() - 86_400_000L).internal();
    private static final String EMPTY = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n[]";
    private static final String MISSING = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n";

    private final List<FakeHttpServer> servers = new ArrayList<>();

    @AfterEach
    void closeServers() throws Exception {
        for (FakeHttpServer server : servers) {
            server.close();
        }
    }

    @Test
    void anObjectNoReplicaListsIsDarkAndQuarantinedWhenAskedTo() throws Exception {
        DarkDataWatcher watcher = watcher(DarkDataWatcher.Action.QUARANTINE, Duration.ofHours(1),
                received -> EMPTY, received -> EMPTY, received -> EMPTY);

        assertThatThrownBy(() -> watcher.seeTarget(object("/AUTH_a/c/o", OLD))).isInstanceOf(QuarantineRequest.class);
        assertThat(servers).allSatisfy(server -> assertThat(server.received()).singleElement()
                .satisfies(request -> assertThat(request.requestLine())
                        .matches("GET /d[0-9]/[0-9]+/AUTH_a/c\\?format=json&limit=1&prefix=o HTTP/1.1")));
    }

    @Test
    void oneReplicaListingItIsEnough() throws Exception {
        String listed = "[{\"name\":\"o\",\"bytes\":1}]";
        DarkDataWatcher watcher = watcher(DarkDataWatcher.Action.QUARANTINE, Duration.ofHours(1),
                received -> EMPTY, received -> EMPTY,
                received -> "HTTP/1.1 200 OK\r\nContent-Length: " + listed.length() + "\r\n\r\n" + listed);

        watcher.seeTarget(object("/AUTH_a/c/o", OLD));
    }

    @Test
    void aReplicaThatCannotSayMakesItUnknownNotDark() throws Exception {
        DarkDataWatcher watcher = watcher(DarkDataWatcher.Action.QUARANTINE, Duration.ofHours(1),
                received -> EMPTY, received -> EMPTY, received -> MISSING);

        watcher.seeTarget(object("/AUTH_a/c/o", OLD));
    }

    @Test
    void objectsYoungerThanTheGraceAgeAreNotLookedUp() throws Exception {
        DarkDataWatcher watcher = watcher(DarkDataWatcher.Action.QUARANTINE, Duration.ofDays(2),
                received -> EMPTY, received -> EMPTY, received -> EMPTY);

        watcher.seeTarget(object("/AUTH_a/c/o", OLD));

        assertThat(servers).allSatisfy(server -> assertThat(server.received()).isEmpty());
    }

    @Test
    void onlyFullPassesAreWatched() throws Exception {
        DarkDataWatcher watcher = watcher(DarkDataWatcher.Action.QUARANTINE, Duration.ZERO,
                received -> EMPTY, received -> EMPTY, received -> EMPTY);
        watcher.start(AuditType.ZBF);

        watcher.seeTarget(object("/AUTH_a/c/o", OLD));

        assertThat(servers).allSatisfy(server -> assertThat(server.received()).isEmpty());
    }

    @Test
    void anUnknownActionLogs() {
        assertThat(DarkDataWatcher.Action.of("delete")).isEqualTo(DarkDataWatcher.Action.LOG);
        assertThat(DarkDataWatcher.Action.of(null)).isEqualTo(DarkDataWatcher.Action.LOG);
        assertThat(DarkDataWatcher.Action.of(" Quarantine ")).isEqualTo(DarkDataWatcher.Action.QUARANTINE);
    }

    @SafeVarargs
    private DarkDataWatcher watcher(DarkDataWatcher.Action action, Duration graceAge,
            Function<FakeHttpServer.Received, String>... replicas) throws Exception {
        List<Device> devices = new ArrayList<>();
        for (int i = 0; i < replicas.length; i++) {
            FakeHttpServer server = new FakeHttpServer(replicas[i]);
            servers.add(server);
            devices.add(Device.of(i, 1, i, "127.0.0.1", server.port(), "d" + i, 1.0));
        }
        Ring ring = new Ring(RingBuilder.build(devices, 4, replicas.length, RingBuilder.DEFAULT_SEED),
                new HashPath("", "suffix"));
        DarkDataWatcher watcher = new DarkDataWatcher(new ContainerListings(ring, HttpClient.newHttpClient(),
                Duration.ofSeconds(5)), action, graceAge, NOW);
        watcher.start(AuditType.ALL);
        return watcher;
    }

    private static AuditTarget object(String name, String timestamp) {
        return new AuditTarget(AuditTarget.Kind.OBJECT, name, "d0", "1", 0, "/x.data", Map.of("name", name,
                "X-Timestamp", timestamp));
    }
}
