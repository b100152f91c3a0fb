package io.ringway.management;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.testing.RingwayApps;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A storage node alone ({@code ringway.role=storage}, as the Helm chart's storage pods run) has the
 * same management port: probes that drain by the disable file, and the node's metrics.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StorageRoleManagementIntegrationTests {

    @TempDir
    static Path data;

    private ConfigurableApplicationContext node;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        // the cluster's swift dir, made by an embedded run, then served by a storage-only process
        RingwayApps.start(data.resolve("seed"), WebApplicationType.NONE).close();
        node = RingwayApps.start(data.resolve("node"), WebApplicationType.REACTIVE,
                "--ringway.role=storage",
                "--ringway.swift-dir=" + data.resolve("seed/etc"),
                "--ringway.middleware.healthcheck.disable_path=" + data.resolve("disable"));
    }

    @AfterAll
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void probesDrainAndTheNodesMetricsAreOnTheManagementPort() throws Exception {
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        Files.createFile(data.resolve("disable"));
        try {
            assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(503);
            assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        } finally {
            Files.delete(data.resolve("disable"));
        }
        String exposition = get("/actuator/prometheus").body();
        assertThat(exposition).contains("ringway_node_disk_size_bytes{device=\"d1\"}")
                .contains("ringway_node_quarantined{type=\"objects\"}");
    }

    private HttpResponse<String> get(String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + node.getEnvironment().getProperty("local.management.port") + path);
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
