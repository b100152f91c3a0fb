package io.ringway.management;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.storage.audit.NodeAuditors;
import io.ringway.storage.conformance.RealSwiftStorage;
import io.ringway.testing.RingwayApps;
import io.ringway.testing.SwiftConfText;
import io.ringway.testing.SwiftHttp;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Prometheus exposition on the management port after real traffic: the gateway's, the
 * storage node's and recon's metrics are there, Prometheus' own {@code promtool check metrics}
 * (Debian's prometheus package) finds nothing wrong with it, and no label carries a name a client
 * chose.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrometheusIntegrationTests {

    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    private static final String OBJECT_NAME = "scraped-object-7f3a";
    private static final String CONTAINER_NAME = "scraped-container-7f3a";

    @TempDir
    static Path data;

    private ConfigurableApplicationContext app;
    private String exposition;

    @BeforeAll
    void startAndMakeTraffic() throws Exception {
        Files.createDirectories(data.resolve("etc"));
        Files.writeString(data.resolve("etc/swift.conf"),
                SwiftConfText.withDefaultPolicy0(SwiftConfText.federated(1, "remote", "remote")));
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        app = RingwayApps.start(data, WebApplicationType.REACTIVE,
                "--ringway.federation.targets.remote.storage-url=http://127.0.0.1:" + closedPort + "/v1/AUTH_remote",
                "--ringway.federation.targets.remote.token=unused",
                "--ringway.storage.auditor.watchers=account_location");
        SwiftHttp swift = new SwiftHttp(((WebServerApplicationContext) app).getWebServer().getPort(),
                "test:tester", "testing");
        assertThat(swift.send("PUT", "AUTH_test/" + CONTAINER_NAME).statusCode()).isEqualTo(201);
        assertThat(swift.put("AUTH_test/" + CONTAINER_NAME + "/" + OBJECT_NAME, "scraped".getBytes(StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(201);
        assertThat(swift.send("GET", "AUTH_test/" + CONTAINER_NAME + "/" + OBJECT_NAME).body()).isEqualTo("scraped");
        assertThat(swift.send("GET", "AUTH_test/" + CONTAINER_NAME + "/" + OBJECT_NAME + "-missing").statusCode())
                .isEqualTo(404);
        // a container of the federated policy, whose cluster is down: 503 and a federation error
        assertThat(swift.send("PUT", "AUTH_test/" + CONTAINER_NAME + "-far", "X-Storage-Policy", "remote").statusCode())
                .isEqualTo(503);
        // an account audit pass, whose account_location watcher (in its child JVM) reports a gauge
        app.getBean(NodeAuditors.class).accountPass().block(java.time.Duration.ofMinutes(2));
        exposition = scrape();
        // kept for whoever reads a failure
        Files.writeString(Path.of("target", "prometheus-exposition.txt"), exposition);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void promtoolFindsNothingWrong() throws Exception {
        if (!Files.isExecutable(PROMTOOL)) {
            RealSwiftStorage.skipOrFailInCi("promtool (Debian's prometheus package) is not installed");
        }
        Path file = data.resolve("exposition.txt");
        Files.writeString(file, exposition);
        Path out = data.resolve("promtool.out");
        Process promtool = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics")
                .redirectInput(file.toFile())
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        assertThat(promtool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String report = Files.readString(out);
        assertThat(report).as("promtool check metrics").isEmpty();
        assertThat(promtool.exitValue()).as(report).isZero();
    }

    @Test
    void gatewayRequestsAreCountedByMethodStatusClassAndPolicyWithLatencyHistograms() {
        assertThat(exposition)
                .containsPattern("ringway_requests_seconds_count\\{[^}]*method=\"PUT\"[^}]*policy=\"Policy-0\""
                        + "[^}]*status=\"2xx\"[^}]*} [1-9]")
                .containsPattern("ringway_requests_seconds_count\\{[^}]*method=\"GET\"[^}]*policy=\"Policy-0\""
                        + "[^}]*status=\"4xx\"[^}]*} [1-9]")
                .containsPattern("ringway_requests_seconds_count\\{[^}]*method=\"PUT\"[^}]*policy=\"remote\""
                        + "[^}]*status=\"5xx\"[^}]*} [1-9]")
                .containsPattern("ringway_requests_seconds_bucket\\{method=\"GET\"[^}]*le=\"0\\.1\"}")
                .containsPattern("ringway_response_first_byte_seconds_bucket\\{")
                .containsPattern("ringway_request_bytes_sum\\{[^}]*method=\"PUT\"[^}]*} [1-9]")
                .containsPattern("ringway_response_bytes_sum\\{[^}]*method=\"GET\"[^}]*} [1-9]");
    }

    @Test
    void backendAndFederationHealthIsExposed() {
        assertThat(exposition)
                .containsPattern("ringway_backend_errors_total\\{kind=\"error\"[^}]*} ")
                .containsPattern("(?m)^ringway_backend_nodes_error_limited 0\\.0$")
                .containsPattern("ringway_federation_breaker_state\\{[^}]*state=\"closed\"[^}]*target=\"remote\"")
                .contains("ringway_federation_requests_active");
    }

    @Test
    void storageNodeRequestsAndReconValuesAreExposed() {
        assertThat(exposition)
                .containsPattern("ringway_node_requests_seconds_count\\{[^}]*method=\"PUT\"[^}]*server=\"object\""
                        + "[^}]*status=\"2xx\"[^}]*} [1-9]")
                .containsPattern("ringway_node_requests_seconds_count\\{[^}]*server=\"container\"")
                .containsPattern("ringway_node_requests_seconds_bucket\\{")
                .containsPattern("ringway_node_disk_size_bytes\\{device=\"d1\"[^}]*} [1-9]")
                .containsPattern("ringway_node_disk_avail_bytes\\{device=\"d3\"")
                .containsPattern("ringway_node_quarantined\\{[^}]*type=\"objects\"[^}]*} 0\\.0")
                .containsPattern("(?m)^ringway_node_devices_unmounted 0\\.0$")
                .contains("ringway_node_async_pending")
                .contains("ringway_node_auditor_objects")
                // AUTH_test's account database, on each of the node's three devices
                .containsPattern("ringway_audit_account_locations\\{device=\"d1\"[^}]*} 1\\.0")
                .containsPattern("ringway_audit_account_locations\\{device=\"d3\"[^}]*} 1\\.0");
    }

    @Test
    void processCpuTimeIsInSeconds() {
        assertThat(exposition).containsPattern("(?m)^process_cpu_seconds_total [0-9.Ee+]+$")
                .containsPattern("(?m)^system_cpus ");
    }

    @Test
    void noLabelCarriesANameAClientChose() {
        assertThat(exposition).doesNotContain(OBJECT_NAME).doesNotContain(CONTAINER_NAME).doesNotContain("AUTH_test");
    }

    private String scrape() throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.management.port")
                + "/actuator/prometheus");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                .header("Accept", "text/plain;version=0.0.4").timeout(java.time.Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
