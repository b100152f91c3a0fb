package io.ringway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** The gateway configured by an existing Swift proxy's {@code proxy-server.conf} ({@code ringway.proxy-server-conf}). */
class ProxyServerConfIntegrationTests {

    private static final String PIPELINE =
            "catch_errors gatekeeper healthcheck proxy-logging cache listing_formats tempauth copy proxy-logging proxy-server";

    @TempDir
    Path data;

    private ConfigurableApplicationContext app;
    private String base;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void takesTheUsersHealthcheckAndTransactionIdSuffixOfTheFile() throws Exception {
        Path disabled = data.resolve("disabled");
        start(conf(PIPELINE, "trans_id_suffix = -east", "disable_path = " + disabled));

        HttpResponse<String> alice = auth("ops:alice", "pw");
        HttpResponse<String> sampleUser = auth("test:tester", "testing");
        assertThat(alice.statusCode()).isEqualTo(200);
        assertThat(alice.headers().firstValue("X-Storage-Url")).hasValue(base + "/v1/AUTH_ops");
        assertThat(alice.headers().firstValue("X-Trans-Id")).hasValueSatisfying(id -> assertThat(id).endsWith("-east"));
        assertThat(sampleUser.statusCode()).as("the file's users replace Ringway's sample ones").isEqualTo(401);

        assertThat(get("/healthcheck").statusCode()).isEqualTo(200);
        Files.createFile(disabled);
        HttpResponse<String> off = get("/healthcheck");
        assertThat(off.statusCode()).isEqualTo(503);
        assertThat(off.body()).isEqualTo("DISABLED BY FILE");
    }

    @Test
    void accountAutocreateIsOffAsInSwiftUnlessTheFileTurnsItOn() throws Exception {
        start(conf(PIPELINE, "", ""));
        String token = auth("ops:alice", "pw").headers().firstValue("X-Auth-Token").orElseThrow();

        HttpResponse<String> account = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/AUTH_ops"))
                .header("X-Auth-Token", token).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(account.statusCode()).isEqualTo(404);
    }

    @Test
    void ringwaysOwnCommandLineSettingsWinOverTheFile() throws Exception {
        start(conf(PIPELINE, "trans_id_suffix = -east", ""), "--ringway.middleware.catch_errors.trans_id_suffix=-cli");

        assertThat(get("/healthcheck").headers().firstValue("X-Trans-Id"))
                .hasValueSatisfying(id -> assertThat(id).endsWith("-cli"));
    }

    @Test
    void aPipelineWithAMiddlewareRingwayLacksDoesNotStart() throws Exception {
        Path conf = conf("catch_errors slo proxy-server", "", "") ;
        Files.writeString(conf, Files.readString(conf) + "\n[filter:slo]\nuse = egg:swift#slo\n");

        assertThatThrownBy(() -> start(conf)).hasStackTraceContaining("slo");
    }

    private void start(Path conf, String... extra) {
        String[] args = new String[extra.length + 1];
        args[0] = "--ringway.proxy-server-conf=" + conf;
        System.arraycopy(extra, 0, args, 1, extra.length);
        app = GatewayApp.start(data, args);
        base = "http://127.0.0.1:" + GatewayApp.port(app);
    }

    private Path conf(String pipeline, String catchErrors, String healthcheck) throws IOException {
        return Files.writeString(data.resolve("proxy-server.conf"), """
                [DEFAULT]
                bind_port = 8080
                workers = 2

                [pipeline:main]
                pipeline = %s

                [app:proxy-server]
                use = egg:swift#proxy

                [filter:catch_errors]
                use = egg:swift#catch_errors
                %s

                [filter:healthcheck]
                use = egg:swift#healthcheck
                %s

                [filter:tempauth]
                use = egg:swift#tempauth
                user_ops_alice = pw .admin

                [filter:gatekeeper]
                use = egg:swift#gatekeeper
                [filter:proxy-logging]
                use = egg:swift#proxy_logging
                [filter:cache]
                use = egg:swift#memcache
                [filter:listing_formats]
                use = egg:swift#listing_formats
                [filter:copy]
                use = egg:swift#copy
                """.formatted(pipeline, catchErrors, healthcheck));
    }

    private HttpResponse<String> auth(String user, String key) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/auth/v1.0"))
                .header("X-Auth-User", user).header("X-Auth-Key", key).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
