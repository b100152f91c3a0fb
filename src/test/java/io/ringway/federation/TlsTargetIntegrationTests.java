package io.ringway.federation;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.testing.RingwayApps;
import io.ringway.testing.S3ProxyServer;
import io.ringway.testing.SwiftConfText;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * A target on https with a self-signed certificate (made with the JDK's keytool): trusted through
 * a configured trust store, refused with verification on and no such trust (503, nothing made on
 * the target), reached with verification off.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsTargetIntegrationTests {

    private static final String PASSWORD = "changeit-test";

    @TempDir
    static Path data;

    private ConfigurableApplicationContext remoteApp;
    private ConfigurableApplicationContext localApp;
    private S3ProxyServer s3;
    private String local;
    private String localToken;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        Path keys = Files.createDirectories(data.resolve("keys"));
        keytool("-genkeypair", "-alias", "target", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keys.resolve("server.p12").toString(), "-storepass", PASSWORD);
        keytool("-exportcert", "-alias", "target", "-keystore", keys.resolve("server.p12").toString(),
                "-storepass", PASSWORD, "-file", keys.resolve("target.cer").toString());
        keytool("-importcert", "-noprompt", "-alias", "target", "-file", keys.resolve("target.cer").toString(),
                "-storetype", "PKCS12", "-keystore", keys.resolve("trust.p12").toString(), "-storepass", PASSWORD);

        remoteApp = RingwayApps.start(data.resolve("remote"), WebApplicationType.REACTIVE,
                "--ringway.middleware.tempauth.token-secret=remote-secret",
                "--server.ssl.key-store=file:" + keys.resolve("server.p12"),
                "--server.ssl.key-store-password=" + PASSWORD,
                "--server.ssl.key-store-type=PKCS12");
        String remote = "https://127.0.0.1:" + ((WebServerApplicationContext) remoteApp).getWebServer().getPort();

        Path localData = data.resolve("local");
        Files.createDirectories(localData.resolve("etc"));
        Files.writeString(localData.resolve("etc").resolve("swift.conf"), SwiftConfText.withDefaultPolicy0(
                SwiftConfText.federated(1, "trusted", "trusted")
                + SwiftConfText.federated(2, "untrusted", "untrusted")
                + SwiftConfText.federated(3, "unverified", "unverified")
                + SwiftConfText.federated(4, "s3-trusted", "s3-trusted")
                + SwiftConfText.federated(5, "s3-untrusted", "s3-untrusted")));
        s3 = S3ProxyServer.startTls(Files.createDirectories(data.resolve("s3")),
                new S3ProxyServer.Tls(keys.resolve("server.p12"), PASSWORD));
        List<String> args = new ArrayList<>(List.of("--ringway.middleware.tempauth.token-secret=local-secret"));
        for (String target : List.of("trusted", "untrusted", "unverified")) {
            String prefix = "--ringway.federation.targets." + target + ".";
            args.addAll(List.of(prefix + "auth-url=" + remote + "/auth/v1.0",
                    prefix + "storage-url=" + remote + "/v1/AUTH_test",
                    prefix + "user=test:tester", prefix + "key=testing",
                    prefix + "container-prefix=" + target + "-"));
        }
        args.add("--ringway.federation.targets.trusted.tls.trust-store=" + keys.resolve("trust.p12"));
        args.add("--ringway.federation.targets.trusted.tls.trust-store-password=" + PASSWORD);
        args.add("--ringway.federation.targets.unverified.tls.verify=false");
        for (String target : List.of("s3-trusted", "s3-untrusted")) {
            args.addAll(s3.targetArgs(target, target + "-{container}"));
        }
        args.add("--ringway.federation.targets.s3-trusted.tls.trust-store=" + keys.resolve("trust.p12"));
        args.add("--ringway.federation.targets.s3-trusted.tls.trust-store-password=" + PASSWORD);
        localApp = RingwayApps.start(localData, WebApplicationType.REACTIVE, args.toArray(String[]::new));
        local = "http://127.0.0.1:" + ((WebServerApplicationContext) localApp).getWebServer().getPort();
        HttpResponse<String> auth = http.send(HttpRequest.newBuilder(URI.create(local + "/auth/v1.0"))
                .header("X-Auth-User", "test:tester").header("X-Auth-Key", "testing").build(),
                HttpResponse.BodyHandlers.ofString());
        localToken = auth.headers().firstValue("X-Auth-Token").orElseThrow();
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (localApp != null) {
            localApp.close();
        }
        if (remoteApp != null) {
            remoteApp.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void aTargetTrustedThroughTheTrustStoreServes() throws Exception {
        assertThat(send("PUT", "AUTH_test/safe", "X-Storage-Policy", "trusted")).isEqualTo(201);
        assertThat(send("PUT", "AUTH_test/safe/o")).isEqualTo(201);
        assertThat(send("HEAD", "AUTH_test/safe/o")).isEqualTo(200);
    }

    @Test
    void anS3TargetOnHttpsTrustedThroughTheTrustStoreServesAndAnUntrustedOneIsRefused() throws Exception {
        assertThat(send("PUT", "AUTH_test/s3safe", "X-Storage-Policy", "s3-trusted")).isEqualTo(201);
        assertThat(send("PUT", "AUTH_test/s3safe/o")).isEqualTo(201);
        assertThat(send("HEAD", "AUTH_test/s3safe/o")).isEqualTo(200);
        assertThat(Files.isDirectory(data.resolve("s3").resolve("data").resolve("s3-trusted-s3safe"))).isTrue();

        assertThat(send("PUT", "AUTH_test/s3spoofed", "X-Storage-Policy", "s3-untrusted")).isEqualTo(503);
        assertThat(Files.exists(data.resolve("s3").resolve("data").resolve("s3-untrusted-s3spoofed"))).isFalse();
    }

    @Test
    void aCertificateNobodyTrustsIsRefused() throws Exception {
        assertThat(send("PUT", "AUTH_test/spoofed", "X-Storage-Policy", "untrusted")).isEqualTo(503);
        assertThat(send("HEAD", "AUTH_test/spoofed")).isEqualTo(404);
    }

    @Test
    void verificationOffReachesTheTargetAnyway() throws Exception {
        assertThat(send("PUT", "AUTH_test/careless", "X-Storage-Policy", "unverified")).isEqualTo(201);
        assertThat(send("HEAD", "AUTH_test/careless")).isEqualTo(204);
    }

    private int send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(local + "/v1/" + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("X-Auth-Token", localToken);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
