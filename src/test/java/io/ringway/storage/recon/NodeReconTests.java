package io.ringway.storage.recon;

import io.ringway.storage.node.DeviceRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunctions;

/** Every recon check of Swift 2.30 on a node, with Swift's paths, keys and 404s. */
class NodeReconTests {

    @TempDir
    Path dir;

    private Path devices;
    private ReconCache cache;

    @BeforeEach
    void setUp() throws Exception {
        devices = Files.createDirectories(dir.resolve("node"));
        Files.createDirectories(devices.resolve("d1"));
        Files.createDirectories(devices.resolve("d2"));
        cache = new ReconCache(dir.resolve("recon"));
        Files.createDirectories(dir.resolve("proc"));
        Files.writeString(dir.resolve("proc/mounts"), """
                /dev/vda / ext4 rw,relatime 0 0
                /dev/loop0 /srv/node/sdb1 xfs rw,noatime 0 0
                """);
    }

    private WebTestClient client(boolean mountCheck) {
        NodeRecon recon = new NodeRecon(new DeviceRoot(devices, mountCheck), Clock.systemUTC(), cache,
                dir.resolve("proc"), Map.of());
        return WebTestClient.bindToRouterFunction(
                RouterFunctions.route(RequestPredicates.path("/recon/**"), recon::handle)).build();
    }

    private void expectJson(String path, String json) {
        client(false).get().uri(path).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("application/json")
                .expectBody().json(json, true);
    }

    @Test
    void daemonChecksAnswerNullForWhatNoPassHasWrittenYet() {
        expectJson("/recon/async", "{\"async_pending\":null,\"async_pending_last\":null}");
        expectJson("/recon/updater/object", "{\"object_updater_sweep\":null}");
        expectJson("/recon/driveaudit", "{\"drive_audit_errors\":null}");
        expectJson("/recon/auditor/account", "{\"account_audits_passed\":null,\"account_auditor_pass_completed\":null,"
                + "\"account_audits_since\":null,\"account_audits_failed\":null}");
    }

    @Test
    void accountLocationIsReadFromTheAccountFile() {
        expectJson("/recon/account_location", "{\"account_location\":null}");
        cache.dump(ReconFile.ACCOUNT, Map.of("account_location", Map.of("AUTH_a", java.util.List.of("d1", "d2"))));
        expectJson("/recon/account_location", "{\"account_location\":{\"AUTH_a\":[\"d1\",\"d2\"]}}");
    }

    @Test
    void daemonChecksReadTheirKeysFromTheRightFile() {
        cache.dump(ReconFile.OBJECT, Map.of("async_pending", 2, "async_pending_last", 1.7e9,
                "object_updater_sweep", 0.25, "replication_time", 1.0, "object_replication_last", 5.0,
                "object_auditor_stats_ALL", Map.of("passes", 7), "object_expiration_pass", 0.5));
        cache.dump(ReconFile.CONTAINER, Map.of("container_updater_sweep", 0.75, "container_audits_passed", 3,
                "replication_last", 9.0));
        cache.dump(ReconFile.ACCOUNT, Map.of("account_audits_failed", 1));
        cache.dump(ReconFile.DRIVE, Map.of("drive_audit_errors", 0));

        expectJson("/recon/async", "{\"async_pending\":2,\"async_pending_last\":1.7E9}");
        expectJson("/recon/updater/object", "{\"object_updater_sweep\":0.25}");
        expectJson("/recon/updater/container", "{\"container_updater_sweep\":0.75}");
        expectJson("/recon/replication/object", "{\"replication_time\":1.0,\"replication_stats\":null,"
                + "\"replication_last\":null,\"object_replication_time\":null,\"object_replication_last\":5.0}");
        // Swift's old-style path is object replication
        expectJson("/recon/replication", "{\"replication_time\":1.0,\"replication_stats\":null,"
                + "\"replication_last\":null,\"object_replication_time\":null,\"object_replication_last\":5.0}");
        expectJson("/recon/replication/container",
                "{\"replication_time\":null,\"replication_stats\":null,\"replication_last\":9.0}");
        expectJson("/recon/auditor/object", "{\"object_auditor_stats_ALL\":{\"passes\":7},\"object_auditor_stats_ZBF\":null}");
        expectJson("/recon/auditor/container", "{\"container_audits_passed\":3,\"container_auditor_pass_completed\":null,"
                + "\"container_audits_since\":null,\"container_audits_failed\":null}");
        expectJson("/recon/auditor/account", "{\"account_audits_passed\":null,\"account_auditor_pass_completed\":null,"
                + "\"account_audits_since\":null,\"account_audits_failed\":1}");
        expectJson("/recon/expirer/object", "{\"object_expiration_pass\":0.5,\"expired_last_pass\":null}");
        expectJson("/recon/driveaudit", "{\"drive_audit_errors\":0}");
    }

    @Test
    void countsQuarantinedEntriesByKindAndObjectsByPolicy() throws Exception {
        for (String entry : new String[] {"d1/quarantined/objects/h1", "d1/quarantined/objects/h2",
                "d2/quarantined/objects/h3", "d2/quarantined/objects-1/h4", "d1/quarantined/containers/c1",
                "d2/quarantined/accounts/a1", "d2/quarantined/accounts/a2"}) {
            Files.createDirectories(devices.resolve(entry));
        }
        expectJson("/recon/quarantined", "{\"objects\":4,\"containers\":1,\"accounts\":2,"
                + "\"policies\":{\"0\":{\"objects\":3},\"1\":{\"objects\":1}}}");
    }

    @Test
    void nothingQuarantinedIsZeroEverywhere() {
        expectJson("/recon/quarantined", "{\"objects\":0,\"containers\":0,\"accounts\":0,\"policies\":{}}");
    }

    @Test
    void unmountedListsTheDevicesTheNodeWillNotUse() throws Exception {
        // with mount_check, plain directories are not mounted devices
        client(true).get().uri("/recon/unmounted").exchange()
                .expectStatus().isOk()
                .expectBody().json("[{\"device\":\"d1\",\"mounted\":false},{\"device\":\"d2\",\"mounted\":false}]", true);
        client(true).get().uri("/recon/diskusage").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[0].mounted").isEqualTo(false).jsonPath("$[0].size").isEqualTo("");
        expectJson("/recon/unmounted", "[]");
    }

    @Test
    void mountedListsTheHostsMounts() {
        expectJson("/recon/mounted", "[{\"device\":\"/dev/vda\",\"path\":\"/\"},"
                + "{\"device\":\"/dev/loop0\",\"path\":\"/srv/node/sdb1\"}]");
    }

    @Test
    void diskUsageCountsUsedAsSwiftDoesFromWhatIsAvailable() {
        client(false).get().uri("/recon/diskusage").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].device").isEqualTo("d1")
                .jsonPath("$[0].mounted").isEqualTo(true)
                .jsonPath("$[0]").value(entry -> {
                    Map<?, ?> usage = (Map<?, ?>) entry;
                    long size = ((Number) usage.get("size")).longValue();
                    long used = ((Number) usage.get("used")).longValue();
                    long avail = ((Number) usage.get("avail")).longValue();
                    org.assertj.core.api.Assertions.assertThat(used + avail).isEqualTo(size);
                });
    }

    @Test
    void pathsSwiftDoesNotKnowAre404() {
        for (String path : new String[] {"/recon/auditor/foo", "/recon/auditor", "/recon/updater/account",
                "/recon/expirer/container", "/recon/replication/foo", "/recon/nonsense", "/recon/load/a/b"}) {
            client(false).get().uri(path).exchange()
                    .expectStatus().isNotFound()
                    .expectBody(String.class).isEqualTo("Invalid path: " + path);
        }
    }

    @Test
    void aTypeOnACheckWithoutTypesIsIgnoredAsInSwift() {
        expectJson("/recon/driveaudit/extra", "{\"drive_audit_errors\":null}");
    }

    @Test
    void onlyGetIsAnswered() {
        client(false).post().uri("/recon/async").exchange().expectStatus().isEqualTo(405);
    }
}
