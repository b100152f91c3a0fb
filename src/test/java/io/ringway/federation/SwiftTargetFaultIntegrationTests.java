package io.ringway.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringway.gateway.cluster.TcpRelay;
import io.ringway.testing.RingwayApps;
import io.ringway.testing.SwiftConfText;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A target (another Ringway) behind a TCP relay that breaks it as a network or a dying process
 * would: a GET cut mid-body resumes from the bytes sent, a GET whose target is gone is aborted, a
 * PUT cut mid-body leaves nothing, and a target that is down gives 503 at once (its breaker opens)
 * and serves again by itself, while local containers never notice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SwiftTargetFaultIntegrationTests {

    private static final String SWIFT_CONF = SwiftConfText.withDefaultPolicy0(
            SwiftConfText.federated(1, "remote", "relayed"));
    private static final int MIB = 1024 * 1024;

    @TempDir
    static Path data;

    private ConfigurableApplicationContext remoteApp;
    private ConfigurableApplicationContext localApp;
    private TcpRelay relay;
    private String local;
    private String token;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        remoteApp = RingwayApps.start(data.resolve("remote"), WebApplicationType.REACTIVE,
                "--ringway.middleware.tempauth.token-secret=remote-secret");
        relay = TcpRelay.to("target", ((WebServerApplicationContext) remoteApp).getWebServer().getPort());
        Path localData = data.resolve("local");
        Files.createDirectories(localData.resolve("etc"));
        Files.writeString(localData.resolve("etc").resolve("swift.conf"), SWIFT_CONF);
        String target = "--ringway.federation.targets.relayed.";
        localApp = RingwayApps.start(localData, WebApplicationType.REACTIVE,
                "--ringway.middleware.tempauth.token-secret=local-secret",
                target + "auth-url=http://127.0.0.1:" + relay.port() + "/auth/v1.0",
                target + "storage-url=http://127.0.0.1:" + relay.port() + "/v1/AUTH_test",
                target + "user=test:tester",
                target + "key=testing",
                target + "limits.connect-timeout=500ms",
                target + "limits.response-timeout=2s",
                target + "limits.minimum-requests=4",
                target + "limits.open-duration=1500ms");
        local = "http://127.0.0.1:" + ((WebServerApplicationContext) localApp).getWebServer().getPort();
        HttpResponse<String> auth = http.send(HttpRequest.newBuilder(URI.create(local + "/auth/v1.0"))
                .header("X-Auth-User", "test:tester").header("X-Auth-Key", "testing").build(),
                HttpResponse.BodyHandlers.ofString());
        token = auth.headers().firstValue("X-Auth-Token").orElseThrow();
        assertThat(send("PUT", "far", "X-Storage-Policy", "remote").statusCode()).isEqualTo(201);
        assertThat(send("PUT", "near").statusCode()).isEqualTo(201);
    }

    @AfterEach
    void heal() {
        relay.heal();
    }

    @AfterAll
    void stop() {
        if (localApp != null) {
            localApp.close();
        }
        if (relay != null) {
            relay.close();
        }
        if (remoteApp != null) {
            remoteApp.close();
        }
    }

    @Test
    void aGetCutMidBodyResumesFromTheBytesSent() throws Exception {
        byte[] body = TargetFaults.randomBytes(5 * MIB / 2, 1);
        assertThat(put("far/resumed", body).statusCode()).isEqualTo(201);

        HttpResponse<byte[]> whole = TargetFaults.cutOnce(relay, MIB, () -> get("far/resumed"));
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(body);

        HttpResponse<byte[]> part = TargetFaults.cutOnce(relay, MIB,
                () -> get("far/resumed", "Range", "bytes=100-2000099"));
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(body, 100, 2_000_100));
    }

    @Test
    void aGetWhoseTargetDiesMidBodyIsAbortedNotCompleted() throws Exception {
        byte[] body = TargetFaults.randomBytes(4 * MIB, 2);
        assertThat(put("far/orphaned", body).statusCode()).isEqualTo(201);
        relay.stallResponsesAfter(MIB);
        Thread killer = new Thread(() -> {
            TargetFaults.sleep(500);
            relay.refuse();
        });
        killer.start();

        // The answer said 4 MiB; the client must see it incomplete, never a short body as whole.
        assertThatThrownBy(() -> get("far/orphaned")).isInstanceOf(IOException.class);
        killer.join();
    }

    @Test
    void aPutCutMidBodyLeavesNothingOnTheTarget() throws Exception {
        long size = 8L * MIB;
        // The target goes away with a quarter of the body sent.
        InputStream dying = TargetFaults.dyingBody(size, 2L * MIB, () -> {
            relay.refuse();
            TargetFaults.sleep(200);
        });
        try {
            HttpResponse<String> response = http.send(request("PUT", "far/half",
                    HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> dying),
                            size)), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(503);
        } catch (IOException clientSawTheAbort) {
            // The gateway may close the connection while the client still sends: also a failure, as wanted.
        }
        relay.heal();
        assertThat(send("HEAD", "far/half").statusCode()).isEqualTo(404);
        assertThat(send("GET", "far?format=json").body()).doesNotContain("half");
    }

    @Test
    @Order(Integer.MAX_VALUE) // it opens the breaker: the others must not run into it
    void aTargetThatIsDownGives503AtOnceAndServesAgainByItself() throws Exception {
        assertThat(put("far/steady", new byte[] {1, 2, 3}).statusCode()).isEqualTo(201);
        relay.refuse();
        // More failures than the breaker's window (20) holds: whatever came before, it opens.
        for (int i = 0; i < 24; i++) {
            assertThat(send("HEAD", "far/steady").statusCode()).isEqualTo(503);
        }
        // Local containers do not notice.
        assertThat(put("near/local", new byte[] {4}).statusCode()).isEqualTo(201);

        relay.heal();
        // The breaker is open: 503 at once, without asking the target.
        int accepted = relay.accepted();
        HttpResponse<String> refused = send("HEAD", "far/steady");
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(relay.accepted()).isEqualTo(accepted);

        TargetFaults.sleep(1700);
        assertThat(send("HEAD", "far/steady").statusCode()).isEqualTo(200);
        assertThat(get("far/steady").body()).containsExactly(1, 2, 3);
        // The trial requests of the half-open breaker succeed: it closes.
        assertThat(send("HEAD", "far/steady").statusCode()).isEqualTo(200);
        assertThat(relay.accepted()).isGreaterThan(accepted);
    }

    private HttpResponse<String> send(String method, String path, String... headers) throws Exception {
        return http.send(request(method, path, HttpRequest.BodyPublishers.noBody(), headers),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(String path, byte[] body) throws Exception {
        return http.send(request("PUT", path, HttpRequest.BodyPublishers.ofByteArray(body)),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        return http.send(request("GET", path, HttpRequest.BodyPublishers.noBody(), headers),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest request(String method, String path, HttpRequest.BodyPublisher body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(local + "/v1/AUTH_test/" + path))
                .method(method, body)
                .timeout(Duration.ofSeconds(30))
                .header("X-Auth-Token", token);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request.build();
    }
}
