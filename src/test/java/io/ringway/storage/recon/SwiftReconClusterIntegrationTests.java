package io.ringway.storage.recon;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.gateway.cluster.ThreeNodeCluster;
import io.ringway.storage.audit.NodeAuditors;
import io.ringway.storage.audit.watcher.AuditType;
import io.ringway.testing.SwiftRecon;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Swift's {@code swift-recon} pointed at a cluster of three Ringway storage nodes (one device each,
 * 3 replicas over them), as an operator runs it: every node is a host it asks, and what it sums
 * over them (disk usage, load, ring sums, versions, auditor stats) must be right.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SwiftReconClusterIntegrationTests {

    private static final int OBJECTS = 5;

    @TempDir
    static Path base;

    private ThreeNodeCluster cluster;
    private SwiftRecon recon;

    @BeforeAll
    void start() {
        SwiftRecon.assumeInstalled();
        cluster = ThreeNodeCluster.start(base);
        recon = new SwiftRecon(cluster.swiftDir(), base);
        cluster.createContainer("AUTH_test", "recon", 0);
        for (int i = 0; i < OBJECTS; i++) {
            assertThat(cluster.gateway().sendWithBody("PUT", "/v1/AUTH_test/recon/object-" + i, "0123456789")
                    .status()).isEqualTo(201);
        }
        for (int node = 0; node < ThreeNodeCluster.NODES; node++) {
            NodeAuditors auditors = cluster.nodeContext(node).getBean(NodeAuditors.class);
            auditors.objectPass(AuditType.ALL).block(Duration.ofMinutes(1));
            auditors.objectPass(AuditType.ZBF).block(Duration.ofMinutes(1));
            auditors.containerPass().block(Duration.ofMinutes(1));
            auditors.accountPass().block(Duration.ofMinutes(1));
        }
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void everyNodeIsAHostWhoseRingsMatchAndWhoseStatsAddUp() throws Exception {
        String object = recon.run("object", "--md5", "-d", "-l", "--auditor", "-q", "-u", "--swift-versions");
        String rings = object.substring(object.indexOf("Checking ring md5sums"),
                object.indexOf("Checking swift.conf md5sum"));
        assertThat(rings).contains("3/3 hosts matched, 0 error[s] while checking hosts.");
        assertThat(object)
                .contains("Starting reconnaissance on 3 hosts (object)")
                .containsPattern("\\[1m_load_avg\\] low: [0-9]+, high: [0-9]+, avg: [0-9.]+, total: [0-9]+, "
                        + "Failed: 0.0%, no_result: 0, reported: 3")
                .containsPattern("Disk usage: lowest: [0-9.]+%, highest: [0-9.]+%, avg: [0-9.]+%")
                .contains("Versions matched (2.30.1), 0 error[s] while checking hosts.")
                // each node's one device holds one replica of every object
                .containsPattern("\\[ALL_passes_last_path\\] low: " + OBJECTS + ", high: " + OBJECTS + ", avg: "
                        + OBJECTS + ".0, total: " + 3 * OBJECTS + ", Failed: 0.0%, no_result: 0, reported: 3")
                .containsPattern("\\[ALL_bytes_processed_last_path\\] low: 50, high: 50, avg: 50.0, total: 150")
                .containsPattern("\\[quarantined_objects\\] low: 0, high: 0, avg: 0.0, total: 0, Failed: 0.0%, "
                        + "no_result: 0, reported: 3")
                .doesNotContain("Not mounted");
        assertThat(recon.run("container", "--auditor"))
                .contains("Starting reconnaissance on 3 hosts (container)")
                .containsPattern("\\[container_audits_passed\\] low: 1, high: 1, avg: 1.0, total: 3, Failed: 0.0%, "
                        + "no_result: 0, reported: 3")
                .containsPattern("\\[container_audits_failed\\] low: 0, high: 0");
        assertThat(recon.run("account", "--auditor"))
                .containsPattern("\\[account_audits_passed\\] low: 1, high: 1, avg: 1.0, total: 3");
    }
}
