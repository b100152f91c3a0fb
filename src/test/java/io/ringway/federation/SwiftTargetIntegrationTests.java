package io.ringway.federation;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.testing.RingwayApps;
import io.ringway.testing.SwiftConfText;
import io.ringway.testing.SwiftHttp;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A federated policy whose target is another Ringway (its own embedded storage, its own tempauth):
 * the local gateway runs its default pipeline, policy 0 local and policy {@code remote} in the
 * target with the container prefix {@code fed-}. What the local gateway writes is checked on the
 * target through the target's own API, with the target's own token; a second federated policy
 * names a target that is down.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SwiftTargetIntegrationTests {

    private static final String SWIFT_CONF = SwiftConfText.withDefaultPolicy0(
            SwiftConfText.federated(1, "remote", "cluster-b")
            + SwiftConfText.federated(2, "nowhere", "down")
            + SwiftConfText.federated(3, "refused", "wrong-key"));

    @TempDir
    static Path data;

    private ConfigurableApplicationContext remoteApp;
    private ConfigurableApplicationContext localApp;
    private SwiftHttp remote;
    private SwiftHttp local;

    @BeforeAll
    void start() throws Exception {
        remoteApp = RingwayApps.start(data.resolve("remote"), WebApplicationType.REACTIVE,
                "--ringway.middleware.tempauth.token-secret=remote-secret");
        remote = new SwiftHttp(port(remoteApp), "test:tester", "testing");
        Path localData = data.resolve("local");
        Files.createDirectories(localData.resolve("etc"));
        Files.writeString(localData.resolve("etc").resolve("swift.conf"), SWIFT_CONF);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        localApp = RingwayApps.start(localData, WebApplicationType.REACTIVE,
                "--ringway.middleware.tempauth.token-secret=local-secret",
                "--ringway.federation.targets.cluster-b.auth-url=http://127.0.0.1:" + port(remoteApp) + "/auth/v1.0",
                "--ringway.federation.targets.cluster-b.user=test:tester",
                "--ringway.federation.targets.cluster-b.key=testing",
                "--ringway.federation.targets.cluster-b.container-prefix=fed-",
                "--ringway.federation.targets.down.auth-url=http://127.0.0.1:" + closedPort + "/auth/v1.0",
                "--ringway.federation.targets.down.user=test:tester",
                "--ringway.federation.targets.down.key=testing",
                "--ringway.federation.targets.down.limits.connect-timeout=500ms",
                "--ringway.federation.targets.wrong-key.auth-url=http://127.0.0.1:" + port(remoteApp) + "/auth/v1.0",
                "--ringway.federation.targets.wrong-key.user=test:tester",
                "--ringway.federation.targets.wrong-key.key=not-the-key",
                "--ringway.federation.targets.wrong-key.container-prefix=refused-");
        local = new SwiftHttp(port(localApp), "test:tester", "testing");
    }

    @AfterAll
    void stop() {
        if (localApp != null) {
            localApp.close();
        }
        if (remoteApp != null) {
            remoteApp.close();
        }
    }

    @Test
    void containerPutCreatesTheTargetsContainerAndALocalRecord() throws Exception {
        assertThat(local.send("PUT", "AUTH_test/made", "X-Storage-Policy", "remote", "X-Container-Meta-Color", "blue")
                .statusCode()).isEqualTo(201);

        HttpResponse<String> there = remote.send("HEAD", "AUTH_test/fed-made");
        assertThat(there.statusCode()).isEqualTo(204);
        assertThat(there.headers().firstValue("X-Container-Meta-Color")).hasValue("blue");

        HttpResponse<String> here = local.send("HEAD", "AUTH_test/made");
        assertThat(here.statusCode()).isEqualTo(204);
        assertThat(here.headers().firstValue("X-Storage-Policy")).hasValue("remote");
        assertThat(here.headers().firstValue("X-Container-Meta-Color")).hasValue("blue");
        assertThat(local.send("GET", "AUTH_test?format=json").body()).contains("\"name\": \"made\"");
        // Not a container of the target under its local name.
        assertThat(remote.send("HEAD", "AUTH_test/made").statusCode()).isEqualTo(404);
    }

    @Test
    void federatedPoliciesAreListedInInfo() throws Exception {
        HttpResponse<String> info = local.raw("GET", "/info");
        assertThat(info.body()).contains("{\"name\":\"remote\",\"aliases\":\"remote\"}",
                "{\"name\":\"nowhere\",\"aliases\":\"nowhere\"}");
    }

    @Test
    void objectsGoToTheTargetAndComeBackByteForByte() throws Exception {
        assertThat(local.send("PUT", "AUTH_test/objects", "X-Storage-Policy", "remote").statusCode()).isEqualTo(201);
        byte[] body = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(body);
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body));

        HttpResponse<String> put = local.put("AUTH_test/objects/dir/obj ü", body, "Content-Type", "application/x-test",
                "X-Object-Meta-Fruit", "apple");
        assertThat(put.statusCode()).isEqualTo(201);
        assertThat(put.headers().firstValue("ETag")).hasValue(md5);

        HttpResponse<byte[]> direct = remote.get("AUTH_test/fed-objects/dir/obj%20%C3%BC");
        assertThat(direct.statusCode()).isEqualTo(200);
        assertThat(direct.body()).isEqualTo(body);
        assertThat(direct.headers().firstValue("X-Object-Meta-Fruit")).hasValue("apple");

        HttpResponse<byte[]> got = local.get("AUTH_test/objects/dir/obj%20%C3%BC");
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).isEqualTo(body);
        assertThat(got.headers().firstValue("ETag")).hasValue(md5);
        assertThat(got.headers().firstValue("Content-Type")).hasValue("application/x-test");
        assertThat(got.headers().firstValue("X-Object-Meta-Fruit")).hasValue("apple");
        assertThat(got.headers().firstValue("X-Trans-Id")).isPresent();

        HttpResponse<byte[]> range = local.get("AUTH_test/objects/dir/obj%20%C3%BC", "Range", "bytes=10-19");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo(java.util.Arrays.copyOfRange(body, 10, 20));
        assertThat(local.get("AUTH_test/objects/dir/obj%20%C3%BC", "If-None-Match", md5).statusCode()).isEqualTo(304);
        assertThat(local.get("AUTH_test/objects/dir/obj%20%C3%BC", "If-Match", "nope").statusCode()).isEqualTo(412);
        HttpResponse<byte[]> unsatisfiable = local.get("AUTH_test/objects/dir/obj%20%C3%BC", "Range",
                "bytes=" + body.length + "-");
        assertThat(unsatisfiable.statusCode()).isEqualTo(416);
        assertThat(new String(unsatisfiable.body(), StandardCharsets.UTF_8))
                .isEqualTo("<html><h1>Requested Range Not Satisfiable</h1><p>The Range requested is not available.</p></html>");

        assertThat(local.send("POST", "AUTH_test/objects/dir/obj%20%C3%BC", "X-Object-Meta-Fruit", "pear")
                .statusCode()).isEqualTo(202);
        assertThat(remote.send("HEAD", "AUTH_test/fed-objects/dir/obj%20%C3%BC").headers()
                .firstValue("X-Object-Meta-Fruit")).hasValue("pear");

        assertThat(local.send("DELETE", "AUTH_test/objects/dir/obj%20%C3%BC").statusCode()).isEqualTo(204);
        assertThat(remote.send("HEAD", "AUTH_test/fed-objects/dir/obj%20%C3%BC").statusCode()).isEqualTo(404);
        HttpResponse<String> gone = local.send("GET", "AUTH_test/objects/dir/obj%20%C3%BC");
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.body()).isEqualTo("<html><h1>Not Found</h1><p>The resource could not be found.</p></html>");
    }

    @Test
    void listingsComeFromTheTargetInEveryFormat() throws Exception {
        assertThat(local.send("PUT", "AUTH_test/listed", "X-Storage-Policy", "remote").statusCode()).isEqualTo(201);
        for (String name : List.of("a/1", "a/2", "b/1", "c")) {
            assertThat(local.put("AUTH_test/listed/" + name, name.getBytes(StandardCharsets.UTF_8)).statusCode())
                    .isEqualTo(201);
        }
        assertThat(local.send("GET", "AUTH_test/listed").body()).isEqualTo("a/1\na/2\nb/1\nc\n");
        assertThat(local.send("GET", "AUTH_test/listed?delimiter=/").body()).isEqualTo("a/\nb/\nc\n");
        assertThat(local.send("GET", "AUTH_test/listed?prefix=a/&reverse=true").body()).isEqualTo("a/2\na/1\n");
        assertThat(local.send("GET", "AUTH_test/listed?marker=a/2&end_marker=c").body()).isEqualTo("b/1\n");
        assertThat(local.send("GET", "AUTH_test/listed?limit=1").body()).isEqualTo("a/1\n");
        HttpResponse<String> json = local.send("GET", "AUTH_test/listed?format=json&prefix=b/");
        assertThat(json.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(json.body()).contains("\"name\": \"b/1\"", "\"bytes\": 3").doesNotContain("a/1");
        HttpResponse<String> xml = local.send("GET", "AUTH_test/listed?format=xml&prefix=c");
        assertThat(xml.body()).contains("<container name=\"listed\">", "<name>c</name>");

        HttpResponse<String> head = local.send("HEAD", "AUTH_test/listed");
        assertThat(head.headers().firstValue("X-Container-Object-Count")).hasValue("4");
        assertThat(head.headers().firstValue("X-Container-Bytes-Used")).hasValue("10");
    }

    @Test
    void aclsStayLocalWhileMetadataGoesToTheTarget() throws Exception {
        assertThat(local.send("PUT", "AUTH_test/posted", "X-Storage-Policy", "remote").statusCode()).isEqualTo(201);
        assertThat(local.send("POST", "AUTH_test/posted", "X-Container-Meta-Shape", "round",
                "X-Container-Read", ".r:*").statusCode()).isEqualTo(204);

        HttpResponse<String> there = remote.send("HEAD", "AUTH_test/fed-posted");
        assertThat(there.headers().firstValue("X-Container-Meta-Shape")).hasValue("round");
        assertThat(there.headers().firstValue("X-Container-Read")).isEmpty();
        HttpResponse<String> here = local.send("HEAD", "AUTH_test/posted");
        assertThat(here.headers().firstValue("X-Container-Meta-Shape")).hasValue("round");
        assertThat(here.headers().firstValue("X-Container-Read")).hasValue(".r:*");
        // The local ACL is the one the gateway enforces: anyone may read now.
        assertThat(local.put("AUTH_test/posted/public", "hello".getBytes(StandardCharsets.UTF_8)).statusCode())
                .isEqualTo(201);
        HttpResponse<String> anonymous = local.sendWithoutToken("GET", "AUTH_test/posted/public");
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.body()).isEqualTo("hello");
    }

    @Test
    void deleteNeedsAnEmptyContainerAndRemovesBothSides() throws Exception {
        assertThat(local.send("PUT", "AUTH_test/doomed", "X-Storage-Policy", "remote").statusCode()).isEqualTo(201);
        assertThat(local.put("AUTH_test/doomed/o", new byte[] {1}).statusCode()).isEqualTo(201);

        HttpResponse<String> notEmpty = local.send("DELETE", "AUTH_test/doomed");
        assertThat(notEmpty.statusCode()).isEqualTo(409);
        assertThat(notEmpty.body()).contains("<h1>Conflict</h1>");

        assertThat(local.send("DELETE", "AUTH_test/doomed/o").statusCode()).isEqualTo(204);
        assertThat(local.send("DELETE", "AUTH_test/doomed").statusCode()).isEqualTo(204);
        assertThat(remote.send("HEAD", "AUTH_test/fed-doomed").statusCode()).isEqualTo(404);
        assertThat(local.send("HEAD", "AUTH_test/doomed").statusCode()).isEqualTo(404);
        assertThat(local.send("GET", "AUTH_test?format=json").body()).doesNotContain("\"doomed\"");
    }

    @Test
    void aContainerKeepsItsPolicy() throws Exception {
        assertThat(local.send("PUT", "AUTH_test/settled", "X-Storage-Policy", "remote").statusCode()).isEqualTo(201);
        assertThat(local.send("PUT", "AUTH_test/settled", "X-Storage-Policy", "Policy-0").statusCode()).isEqualTo(409);
        assertThat(local.send("PUT", "AUTH_test/settled", "X-Container-Meta-Again", "yes").statusCode()).isEqualTo(202);
        assertThat(remote.send("HEAD", "AUTH_test/fed-settled").headers().firstValue("X-Container-Meta-Again"))
                .hasValue("yes");

        assertThat(local.send("PUT", "AUTH_test/homebody").statusCode()).isEqualTo(201);
        assertThat(local.send("PUT", "AUTH_test/homebody", "X-Storage-Policy", "remote").statusCode()).isEqualTo(409);
        assertThat(remote.send("HEAD", "AUTH_test/fed-homebody").statusCode()).isEqualTo(404);
    }

    @Test
    void copiesCrossClusters() throws Exception {
        assertThat(local.send("PUT", "AUTH_test/near").statusCode()).isEqualTo(201);
        assertThat(local.send("PUT", "AUTH_test/far", "X-Storage-Policy", "remote").statusCode()).isEqualTo(201);
        byte[] body = new byte[256 * 1024];
        new Random(3).nextBytes(body);
        assertThat(local.put("AUTH_test/near/source", body, "X-Object-Meta-Kind", "copied").statusCode())
                .isEqualTo(201);

        // Local to remote with COPY, back with X-Copy-From.
        assertThat(local.send("COPY", "AUTH_test/near/source", "Destination", "far/there").statusCode()).isEqualTo(201);
        HttpResponse<byte[]> there = remote.get("AUTH_test/fed-far/there");
        assertThat(there.body()).isEqualTo(body);
        assertThat(there.headers().firstValue("X-Object-Meta-Kind")).hasValue("copied");
        assertThat(local.put("AUTH_test/near/back", new byte[0], "X-Copy-From", "far/there").statusCode())
                .isEqualTo(201);
        assertThat(local.get("AUTH_test/near/back").body()).isEqualTo(body);
    }

    @Test
    void aTargetThatIsDownGives503AndSpoilsNothingElse() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> refused = local.send("PUT", "AUTH_test/unreachable", "X-Storage-Policy", "nowhere");
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.body()).isEqualTo("<html><h1>Service Unavailable</h1><p>The server is currently"
                + " unavailable. Please try again at a later time.</p></html>");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(local.send("HEAD", "AUTH_test/unreachable").statusCode()).isEqualTo(404);
        assertThat(local.send("PUT", "AUTH_test/still-fine").statusCode()).isEqualTo(201);
    }

    @Test
    void aTargetThatRefusesOurCredentialsGives503() throws Exception {
        HttpResponse<String> refused = local.send("PUT", "AUTH_test/denied", "X-Storage-Policy", "refused");
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.body()).contains("<h1>Service Unavailable</h1>");
        assertThat(remote.send("HEAD", "AUTH_test/refused-denied").statusCode()).isEqualTo(404);
        assertThat(local.send("HEAD", "AUTH_test/denied").statusCode()).isEqualTo(404);
    }

    @Test
    void reconShowsEachTargetsHealthAndPrometheusItsMeters() throws Exception {
        assertThat(local.send("PUT", "AUTH_test/watched", "X-Storage-Policy", "remote").statusCode()).isEqualTo(201);
        HttpResponse<String> recon = local.raw("GET", "/recon/federation");
        assertThat(recon.statusCode()).isEqualTo(200);
        assertThat(recon.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode targets = JsonMapper.builder().build().readTree(recon.body());
        assertThat(targets.get("cluster-b").get("reachable").asBoolean()).isTrue();
        assertThat(targets.get("cluster-b").get("breaker").asString()).isEqualTo("closed");
        assertThat(targets.get("cluster-b").get("last_answer").isNull()).isFalse();
        assertThat(targets.get("down").get("reachable").asBoolean()).isFalse();
        assertThat(targets.get("down").get("probe").asString()).contains("Connection refused");
        assertThat(targets.get("wrong-key").get("reachable").asBoolean()).isFalse();
        assertThat(targets.get("wrong-key").get("probe").asString()).contains("answered 401");
        assertThat(local.raw("GET", "/recon/nothing").statusCode()).isEqualTo(404);

        int management = localApp.getEnvironment().getRequiredProperty("local.management.port", Integer.class);
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + management + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).containsPattern("ringway_federation_requests_seconds_count\\{[^}]*method=\"PUT\""
                + "[^}]*status=\"2xx\"[^}]*target=\"cluster-b\"[^}]*} [1-9]");
        assertThat(metrics).contains("ringway_federation_breaker_state{state=\"closed\",target=\"cluster-b\"} 1.0");
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }
}
