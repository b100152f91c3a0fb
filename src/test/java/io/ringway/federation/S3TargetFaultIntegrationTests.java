package io.ringway.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringway.gateway.cluster.TcpRelay;
import io.ringway.testing.AwsCli;
import io.ringway.testing.RingwayApps;
import io.ringway.testing.S3ProxyServer;
import io.ringway.testing.SwiftConfText;
import io.ringway.testing.SwiftHttp;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * An S3 target (s3proxy) behind a TCP relay, broken as a network or a dying cluster would be: a
 * GET cut mid-body resumes from the bytes sent, a GET whose target stalls then goes away is
 * aborted, an S3 server killed (SIGKILL) mid-PUT leaves no object once it is back, and a target
 * that is down gives 503 at once (its breaker opens) and serves again by itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class S3TargetFaultIntegrationTests {

    private static final String SWIFT_CONF = SwiftConfText.withDefaultPolicy0(SwiftConfText.federated(1, "s3", "relayed"));
    private static final String BUCKET = "ringway-auth-test-far";
    private static final int MIB = 1024 * 1024;

    @TempDir
    static Path data;

    private S3ProxyServer s3;
    private AwsCli aws;
    private TcpRelay relay;
    private ConfigurableApplicationContext app;
    private SwiftHttp swift;

    @BeforeAll
    void start() throws Exception {
        s3 = S3ProxyServer.start(Files.createDirectories(data.resolve("s3")));
        aws = new AwsCli(s3.endpoint(), S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY);
        relay = TcpRelay.to("s3", s3.port());
        Path local = data.resolve("local");
        Files.createDirectories(local.resolve("etc"));
        Files.writeString(local.resolve("etc").resolve("swift.conf"), SWIFT_CONF);
        String target = "--ringway.federation.targets.relayed.";
        List<String> args = new ArrayList<>(S3ProxyServer.targetArgs("relayed",
                URI.create("http://127.0.0.1:" + relay.port()), S3ProxyServer.SECRET_KEY, "ringway-{account}-{container}"));
        args.addAll(List.of(target + "limits.connect-timeout=500ms",
                target + "limits.response-timeout=2s",
                target + "limits.minimum-requests=4",
                target + "limits.open-duration=1500ms"));
        app = RingwayApps.start(local, WebApplicationType.REACTIVE, args.toArray(String[]::new));
        swift = new SwiftHttp(((WebServerApplicationContext) app).getWebServer().getPort(), "test:tester", "testing");
        assertThat(swift.send("PUT", "AUTH_test/far", "X-Storage-Policy", "s3").statusCode()).isEqualTo(201);
        assertThat(swift.send("PUT", "AUTH_test/near").statusCode()).isEqualTo(201);
    }

    @AfterEach
    void heal() {
        relay.heal();
    }

    @AfterAll
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (relay != null) {
            relay.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    @Order(1)
    void aGetCutMidBodyResumesFromTheBytesSent() throws Exception {
        byte[] body = TargetFaults.randomBytes(5 * MIB / 2, 1);
        assertThat(swift.put("AUTH_test/far/resumed", body).statusCode()).isEqualTo(201);

        HttpResponse<byte[]> whole = TargetFaults.cutOnce(relay, MIB, () -> swift.get("AUTH_test/far/resumed"));
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(body);

        HttpResponse<byte[]> part = TargetFaults.cutOnce(relay, MIB,
                () -> swift.get("AUTH_test/far/resumed", "Range", "bytes=100-2000099"));
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(body, 100, 2_000_100));
    }

    @Test
    @Order(2)
    void aGetWhoseTargetDiesMidBodyIsAbortedNotCompleted() throws Exception {
        byte[] body = TargetFaults.randomBytes(4 * MIB, 2);
        assertThat(swift.put("AUTH_test/far/orphaned", body).statusCode()).isEqualTo(201);
        relay.stallResponsesAfter(MIB);
        Thread killer = new Thread(() -> {
            TargetFaults.sleep(500);
            relay.refuse();
        });
        killer.start();

        // The answer said 4 MiB; the client must see it incomplete, never a short body as whole.
        assertThatThrownBy(() -> swift.get("AUTH_test/far/orphaned")).isInstanceOf(IOException.class);
        killer.join();
    }

    @Test
    @Order(3)
    void anS3ServerKilledMidPutLeavesNoObject() throws Exception {
        long size = 8L * MIB;
        // The S3 server dies (SIGKILL) with a quarter of the body sent.
        InputStream dying = TargetFaults.dyingBody(size, 2L * MIB, () -> {
            try {
                s3.kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            HttpResponse<String> response = swift.putStream("AUTH_test/far/half", () -> dying, size);
            assertThat(response.statusCode()).isEqualTo(503);
        } catch (IOException clientSawTheAbort) {
            // The gateway may close the connection while the client still sends: also a failure, as wanted.
        }
        s3 = S3ProxyServer.start(data.resolve("s3"), s3.port());

        assertThat(aws.run("s3api", "head-object", "--bucket", BUCKET, "--key", "half").exitCode()).isNotZero();
        assertThat(swift.send("HEAD", "AUTH_test/far/half").statusCode()).isEqualTo(404);
        // s3proxy's file store may keep its own temporary file of the upload (half-<uuid>), as a crashed
        // process leaves it; no object of that name is listed.
        assertThat(swift.send("GET", "AUTH_test/far?format=json").body()).doesNotContain("\"name\": \"half\"");
        // What was there before is whole.
        assertThat(swift.get("AUTH_test/far/resumed").body()).isEqualTo(TargetFaults.randomBytes(5 * MIB / 2, 1));
    }

    @Test
    @Order(Integer.MAX_VALUE) // it opens the breaker: the others must not run into it
    void aTargetThatIsDownGives503AtOnceAndServesAgainByItself() throws Exception {
        assertThat(swift.put("AUTH_test/far/steady", new byte[] {1, 2, 3}).statusCode()).isEqualTo(201);
        relay.refuse();
        // More failures than the breaker's window (20) holds: whatever came before, it opens.
        for (int i = 0; i < 24; i++) {
            assertThat(swift.send("HEAD", "AUTH_test/far/steady").statusCode()).isEqualTo(503);
        }
        // Local containers do not notice.
        assertThat(swift.put("AUTH_test/near/local", new byte[] {4}).statusCode()).isEqualTo(201);

        relay.heal();
        int accepted = relay.accepted();
        assertThat(swift.send("HEAD", "AUTH_test/far/steady").statusCode()).isEqualTo(503);
        assertThat(relay.accepted()).as("an open breaker does not ask the target").isEqualTo(accepted);

        TargetFaults.sleep(1700);
        assertThat(swift.send("HEAD", "AUTH_test/far/steady").statusCode()).isEqualTo(200);
        assertThat(swift.get("AUTH_test/far/steady").body()).containsExactly(1, 2, 3);
        assertThat(swift.send("HEAD", "AUTH_test/far/steady").statusCode()).isEqualTo(200);
        assertThat(relay.accepted()).isGreaterThan(accepted);
    }
}
