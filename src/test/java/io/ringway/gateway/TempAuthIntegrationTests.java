package io.ringway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** tempauth in the running gateway: tokens from /auth/v1.0, checked on /v1 requests. */
class TempAuthIntegrationTests {

    @TempDir
    Path data;

    private ConfigurableApplicationContext app;
    private String base;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        app = GatewayApp.start(data, "--ringway.pipeline=catch_errors,gatekeeper,healthcheck,tempauth",
                "--ringway.middleware.tempauth.token-secret=integration-test-secret");
        base = "http://127.0.0.1:" + GatewayApp.port(app);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void issuesATokenAndStorageUrlForASampleUser() throws Exception {
        HttpResponse<String> auth = send(HttpRequest.newBuilder(URI.create(base + "/auth/v1.0"))
                .header("X-Auth-User", "test:tester")
                .header("X-Auth-Key", "testing"));

        assertThat(auth.statusCode()).isEqualTo(200);
        assertThat(auth.headers().firstValue("X-Storage-Url")).hasValue(base + "/v1/AUTH_test");
        assertThat(auth.headers().firstValue("X-Auth-Token")).hasValueSatisfying(t -> assertThat(t).startsWith("AUTH_tk"));
        assertThat(auth.headers().firstValue("X-Trans-Id")).isPresent();
    }

    @Test
    void refusesWrongKeysAndMissingTokensWithSwiftsAnswers() throws Exception {
        HttpResponse<String> badKey = send(HttpRequest.newBuilder(URI.create(base + "/auth/v1.0"))
                .header("X-Auth-User", "test:tester")
                .header("X-Auth-Key", "wrong"));
        HttpResponse<String> noToken = send(HttpRequest.newBuilder(URI.create(base + "/v1/AUTH_test")));

        assertThat(badKey.statusCode()).isEqualTo(401);
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(noToken.body()).isEqualTo("<html><h1>Unauthorized</h1><p>This server could not verify that you "
                + "are authorized to access the document you requested.</p></html>");
        assertThat(noToken.headers().firstValue("X-Trans-Id")).isPresent();
    }

    @Test
    void letsTheOwnerPastAndStopsOtherAccounts() throws Exception {
        String token = send(HttpRequest.newBuilder(URI.create(base + "/auth/v1.0"))
                .header("X-Auth-User", "test:tester3")
                .header("X-Auth-Key", "testing3")).headers().firstValue("X-Auth-Token").orElseThrow();

        HttpResponse<String> otherAccount = send(HttpRequest.newBuilder(URI.create(base + "/v1/AUTH_test2"))
                .header("X-Auth-Token", token));
        HttpResponse<String> tampered = send(HttpRequest.newBuilder(URI.create(base + "/v1/AUTH_test"))
                .header("X-Auth-Token", token.substring(0, token.length() - 2) + "00"));

        assertThat(otherAccount.statusCode()).isEqualTo(403);
        assertThat(tampered.statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
