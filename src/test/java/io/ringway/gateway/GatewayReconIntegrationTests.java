package io.ringway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.storage.node.ServerType;
import io.ringway.storage.node.StorageNodeServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The booted gateway's own recon, on its port, without a token: the host and the cluster files in use. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayReconIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path data;

    private ConfigurableApplicationContext app;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() {
        app = GatewayApp.start(data);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void ringAndSwiftConfSumsAreThoseOfTheFilesInUse() throws Exception {
        Path etc = data.resolve("etc").toAbsolutePath().normalize();
        JsonNode rings = json("ringmd5");
        for (String ring : new String[] {"account", "container", "object"}) {
            Path file = etc.resolve(ring + ".ring.gz");
            assertThat(rings.get(file.toString()).asString()).isEqualTo(md5(file));
        }
        // under Swift's fixed name, which swift-recon reads, whatever the swift dir
        assertThat(json("swiftconfmd5").get("/etc/swift/swift.conf").asString())
                .isEqualTo(md5(etc.resolve("swift.conf")));
    }

    @Test
    void loadMemorySocketsTimeAndVersionAreThereWithSwiftsKeys() throws Exception {
        JsonNode load = json("load");
        assertThat(load.get("1m").isNumber()).isTrue();
        assertThat(load.get("processes").asLong()).isPositive();
        assertThat(load.get("tasks").asString()).contains("/");
        assertThat(json("mem").get("MemTotal").asString()).endsWith(" kB");
        // The gateway's own listening and test connections are open now.
        assertThat(json("sockstat").get("tcp_in_use").asLong()).isPositive();
        assertThat(json("time").asDouble()).isCloseTo(System.currentTimeMillis() / 1000.0,
                org.assertj.core.data.Offset.offset(10.0));
        // The Swift release whose API the gateway speaks, as its storage nodes report theirs.
        assertThat(json("version").get("version").asString()).isEqualTo("2.30.1");
        assertThat(json("version").has("ringway")).isTrue();
    }

    @Test
    void theEmbeddedNodesServersAnswerTheHostChecksToo() throws Exception {
        Path etc = data.resolve("etc").toAbsolutePath().normalize();
        StorageNodeServers servers = app.getBean(StorageNodeServers.class);
        for (ServerType type : ServerType.values()) {
            String base = "http://127.0.0.1:" + servers.port(type) + "/recon/";
            HttpResponse<String> rings = http.send(HttpRequest.newBuilder(URI.create(base + "ringmd5")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(rings.statusCode()).as(type.toString()).isEqualTo(200);
            assertThat(JSON.readTree(rings.body()).get(etc.resolve("object.ring.gz").toString()).asString())
                    .isEqualTo(md5(etc.resolve("object.ring.gz")));
            HttpResponse<String> load = http.send(HttpRequest.newBuilder(URI.create(base + "load")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(JSON.readTree(load.body()).has("15m")).as(type.toString()).isTrue();
        }
    }

    @Test
    void anUnknownCheckIsSwiftsInvalidPath() throws Exception {
        HttpResponse<String> unknown = get("nothing");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("Invalid path: /recon/nothing");
    }

    private JsonNode json(String check) throws Exception {
        HttpResponse<String> response = get(check);
        assertThat(response.statusCode()).as(check).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(String check) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + GatewayApp.port(app) + "/recon/"
                + check)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String md5(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(Files.readAllBytes(file)));
    }
}
