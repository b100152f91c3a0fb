package io.ringway.storage.audit;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.MeterRegistry;
import io.ringway.ring.Node;
import io.ringway.ring.Ring;
import io.ringway.ring.Rings;
import io.ringway.storage.audit.watcher.AuditType;
import io.ringway.storage.audit.watcher.WatcherOptions;
import io.ringway.storage.audit.watcher.Watchers;
import io.ringway.storage.node.DeviceRoot;
import io.ringway.storage.node.ServerType;
import io.ringway.storage.node.StorageNodeServers;
import io.ringway.storage.recon.ReconCache;
import io.ringway.swift.HashPath;
import io.ringway.swift.Timestamp;
import io.ringway.testing.RingwayApps;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The auditors of the booted app's embedded node (three devices, three replicas): objects put
 * through the gateway, damaged or orphaned on disk, audited, then 404 and counted by recon; the
 * {@code dark_data} and {@code account_location} watchers in their child JVMs, configured as an
 * operator would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String OPEN_PIPELINE = "--ringway.pipeline=catch_errors,gatekeeper,healthcheck,proxy_logging,"
            + "cache,listing_formats,copy,proxy_logging";

    @TempDir
    static Path data;

    private ConfigurableApplicationContext app;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger processLog = (Logger) LoggerFactory.getLogger("io.ringway.storage.audit.watcher.WatcherProcess");
    private String base;

    @BeforeAll
    void start() throws Exception {
        app = RingwayApps.start(data, WebApplicationType.REACTIVE, OPEN_PIPELINE,
                // passes run on demand here, not every 30 minutes
                "--ringway.storage.auditor.enabled=false",
                "--ringway.storage.auditor.watchers=dark_data,account_location",
                // spelled as in Swift's config; Spring binds the map key as "darkdata", "graceage"
                "--ringway.storage.auditor.watcher.dark_data.action=log",
                "--ringway.storage.auditor.watcher.dark_data.grace_age=0");
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort() + "/v1/AUTH_test";
        assertThat(send("PUT", "/photos").statusCode()).isEqualTo(201);
        for (String name : List.of("damaged", "orphan", "fine")) {
            assertThat(send("PUT", "/photos/" + name, "the body of " + name).statusCode()).isEqualTo(201);
        }
        logs.start();
        processLog.addAppender(logs);
    }

    @AfterAll
    void stop() {
        processLog.detachAppender(logs);
        app.close();
    }

    @Test
    @Order(1)
    void aDamagedObjectIsQuarantinedOnEveryReplicaThen404AndCountedByRecon() throws Exception {
        List<Path> replicas = dataFiles("damaged");
        assertThat(replicas).hasSize(3);
        for (Path replica : replicas) {
            AuditTestNode.flipByte(replica, 2);
        }

        ObjectAuditStats stats = auditors().objectPass(AuditType.ALL).block();

        assertThat(stats.quarantined()).isEqualTo(3);
        assertThat(stats.errors()).isZero();
        assertThat(send("GET", "/photos/damaged").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/photos/fine").body()).isEqualTo("the body of fine");
        JsonNode auditor = recon(ServerType.OBJECT, "auditor/object").get("object_auditor_stats_ALL");
        assertThat(auditor.get("quarantined").asInt()).isEqualTo(3);
        assertThat(auditor.get("passes").asInt()).isEqualTo(9);
        assertThat(recon(ServerType.OBJECT, "quarantined").get("objects").asInt()).isEqualTo(3);
        assertThat(replicas).allSatisfy(replica -> assertThat(replica).doesNotExist());
        assertThat(messages()).as("every object is listed: nothing dark")
                .noneMatch(line -> line.contains("reporting dark data"));
    }

    @Test
    @Order(2)
    void darkDataWithActionLogNamesAnObjectNoContainerListsAndLeavesIt() throws Exception {
        removeContainerRows("orphan");
        assertThat(send("GET", "/photos?format=json").body()).doesNotContain("orphan");

        ObjectAuditStats stats = auditors().objectPass(AuditType.ALL).block();

        assertThat(stats.quarantined()).isZero();
        assertThat(messages()).filteredOn(line -> line.contains("reporting dark data /AUTH_test/photos/orphan"))
                .hasSize(3);
        assertThat(messages()).noneMatch(line -> line.contains("reporting dark data /AUTH_test/photos/fine"));
        assertThat(send("GET", "/photos/orphan").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void darkDataWithActionQuarantineHasTheAuditorQuarantineIt() throws Exception {
        WatcherOptions configured = app.getBean(Watchers.class).options();
        Watchers quarantining = new Watchers(new WatcherOptions(List.of("dark_data"),
                Map.of("dark-data", Map.of("action", "quarantine", "grace-age", "0")), configured.common(),
                configured.timeout(), configured.passBudget(), configured.startTimeout(), configured.exitDelay(), configured.heapBytes(),
                List.of(), List.of()), List.of());
        ObjectAuditor auditor = new ObjectAuditor(app.getBean(DeviceRoot.class), ObjectAuditRates.unlimited(),
                quarantining, app.getBean(ReconCache.class));

        ObjectAuditStats stats = auditor.pass(AuditType.ALL);

        assertThat(stats.quarantined()).isEqualTo(3);
        assertThat(send("GET", "/photos/orphan").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/photos/fine").statusCode()).isEqualTo(200);
        assertThat(recon(ServerType.OBJECT, "quarantined").get("objects").asInt()).isEqualTo(6);
    }

    @Test
    @Order(4)
    void accountLocationIsServedByReconAndAsAGauge() throws Exception {
        DatabaseAuditStats accounts = auditors().accountPass().block();
        DatabaseAuditStats containers = auditors().containerPass().block();

        assertThat(accounts.passed()).isEqualTo(3);
        assertThat(containers.passed()).isEqualTo(3);
        JsonNode locations = recon(ServerType.ACCOUNT, "account_location").get("account_location");
        assertThat(JSON.treeToValue(locations, Map.class)).isEqualTo(Map.of("AUTH_test", List.of("d1", "d2", "d3")));
        assertThat(recon(ServerType.ACCOUNT, "auditor/account").get("account_audits_passed").asInt()).isEqualTo(3);
        assertThat(recon(ServerType.CONTAINER, "auditor/container").get("container_audits_failed").asInt()).isZero();
        MeterRegistry registry = app.getBean(MeterRegistry.class);
        for (String device : List.of("d1", "d2", "d3")) {
            assertThat(registry.get("ringway.audit.account.locations").tag("device", device).gauge().value())
                    .isEqualTo(1.0);
        }
    }

    private NodeAuditors auditors() {
        return app.getBean(NodeAuditors.class);
    }

    /** Deletes the object's row from every container replica, as if its container updates were lost. */
    private void removeContainerRows(String object) throws Exception {
        Ring ring = app.getBean(Rings.class).container();
        int partition = ring.partition("AUTH_test", "photos", null);
        String timestamp = Timestamp.now().internal();
        for (Node node : ring.primaryNodes(partition)) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.device().port() + "/"
                            + node.device().device() + "/" + partition + "/AUTH_test/photos/" + object))
                    .header("X-Timestamp", timestamp)
                    .DELETE()
                    .build();
            assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(204);
        }
    }

    private List<Path> dataFiles(String object) throws Exception {
        String hash = app.getBean(HashPath.class).hex("AUTH_test", "photos", object);
        try (Stream<Path> files = Files.walk(data.resolve("node"))) {
            return files.filter(file -> file.getFileName().toString().endsWith(".data"))
                    .filter(file -> file.getParent().getFileName().toString().equals(hash))
                    .filter(file -> !file.toString().contains("quarantined"))
                    .toList();
        }
    }

    private JsonNode recon(ServerType type, String check) throws Exception {
        int port = app.getBean(StorageNodeServers.class).port(type);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/recon/" + check)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return send(method, path, null);
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).method(method, publisher).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private List<String> messages() {
        return logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
