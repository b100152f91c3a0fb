package io.ringway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * OPTIONS and CORS in the booted gateway (Swift's pipeline with tempauth and copy) over the
 * embedded node: plain OPTIONS on every level without a token, preflights allowed by the
 * container's metadata or the proxy's {@code cors_allow_origin} and refused otherwise, and the
 * {@code Access-Control-*} headers on actual requests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorsIntegrationTests {

    private static final String PIPELINE = "--ringway.pipeline=catch_errors,gatekeeper,healthcheck,proxy_logging,"
            + "cache,listing_formats,tempauth,copy,proxy_logging";

    private static final String APP = "http://app.example";

    @TempDir
    static Path data;

    private ConfigurableApplicationContext app;
    private String base;
    private String tester;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        app = GatewayApp.start(data, PIPELINE, "--ringway.middleware.tempauth.token-secret=cors-integration",
                "--ringway.proxy.cors_allow_origin=http://proxy.example, http://other.example");
        base = "http://127.0.0.1:" + GatewayApp.port(app);
        HttpResponse<String> auth = send("GET", "/auth/v1.0", "X-Auth-User", "test:tester", "X-Auth-Key", "testing");
        tester = auth.headers().firstValue("X-Auth-Token").orElseThrow();
        assertThat(send("PUT", "/v1/AUTH_test/web", "X-Auth-Token", tester,
                "X-Container-Meta-Access-Control-Allow-Origin", APP + " http://two.example",
                "X-Container-Meta-Access-Control-Max-Age", "600",
                "X-Container-Meta-Access-Control-Expose-Headers", "X-Custom-Header").statusCode()).isEqualTo(201);
        assertThat(send("PUT", "/v1/AUTH_test/plain", "X-Auth-Token", tester).statusCode()).isEqualTo(201);
        assertThat(send("PUT", "/v1/AUTH_test/web/o", "X-Auth-Token", tester, "X-Object-Meta-Color", "blue")
                .statusCode()).isEqualTo(201);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void answersOptionsWithoutOriginOnEveryLevelWithoutAToken() throws Exception {
        HttpResponse<String> info = send("OPTIONS", "/info");
        HttpResponse<String> account = send("OPTIONS", "/v1/AUTH_test");
        HttpResponse<String> container = send("OPTIONS", "/v1/AUTH_test/web");
        HttpResponse<String> object = send("OPTIONS", "/v1/AUTH_test/web/o");

        for (HttpResponse<String> response : List.of(info, account, container, object)) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Length")).hasValue("0");
            assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=UTF-8");
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
        assertThat(info.headers().firstValue("Allow")).hasValue("HEAD, GET, OPTIONS");
        assertThat(methods(account, "Allow")).containsExactlyInAnyOrder("HEAD", "GET", "POST", "OPTIONS");
        assertThat(methods(container, "Allow"))
                .containsExactlyInAnyOrder("HEAD", "GET", "PUT", "POST", "OPTIONS", "DELETE");
        assertThat(methods(object, "Allow"))
                .containsExactlyInAnyOrder("HEAD", "GET", "PUT", "POST", "OPTIONS", "DELETE", "COPY");
    }

    @Test
    void listsOptionsInTheAllowOfA405() throws Exception {
        HttpResponse<String> patch = send("PATCH", "/v1/AUTH_test/web", "X-Auth-Token", tester);

        assertThat(patch.statusCode()).isEqualTo(405);
        assertThat(methods(patch, "Allow")).contains("OPTIONS");
    }

    @Test
    void answersAPreflightTheContainerAllows() throws Exception {
        HttpResponse<String> preflight = send("OPTIONS", "/v1/AUTH_test/web/o", "Origin", APP,
                "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "x-auth-token, content-type");

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
        assertThat(preflight.headers().firstValue("Access-Control-Max-Age")).hasValue("600");
        assertThat(methods(preflight, "Access-Control-Allow-Methods"))
                .containsExactlyInAnyOrder("HEAD", "GET", "PUT", "POST", "OPTIONS", "DELETE", "COPY");
        assertThat(methods(preflight, "Access-Control-Allow-Headers"))
                .containsExactlyInAnyOrder("x-auth-token", "content-type");
        assertThat(preflight.headers().firstValue("Vary")).hasValue("Origin, Access-Control-Request-Headers");
        assertThat(preflight.headers().firstValue("Content-Length")).hasValue("0");
        assertThat(preflight.headers().firstValue("Content-Type")).isEmpty();
    }

    @Test
    void answersAPreflightTheProxyAllowsOnAContainerWithoutCors() throws Exception {
        HttpResponse<String> preflight = send("OPTIONS", "/v1/AUTH_test/plain", "Origin", "http://proxy.example",
                "Access-Control-Request-Method", "GET");

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://proxy.example");
        assertThat(preflight.headers().firstValue("Access-Control-Max-Age")).isEmpty();
    }

    @Test
    void refusesAPreflightFromAnotherOriginOrForAnotherMethod() throws Exception {
        HttpResponse<String> origin = send("OPTIONS", "/v1/AUTH_test/web/o", "Origin", "http://evil.example",
                "Access-Control-Request-Method", "GET");
        HttpResponse<String> method = send("OPTIONS", "/v1/AUTH_test/web", "Origin", APP,
                "Access-Control-Request-Method", "PATCH");
        HttpResponse<String> missing = send("OPTIONS", "/v1/AUTH_test/nope/o", "Origin", APP,
                "Access-Control-Request-Method", "GET");

        for (HttpResponse<String> response : List.of(origin, method, missing)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            assertThat(response.headers().firstValue("Allow")).isPresent();
            assertThat(response.body()).startsWith("<html><h1>Unauthorized</h1>");
        }
    }

    @Test
    void answersAnAccountPreflightAsAPlainOptions() throws Exception {
        HttpResponse<String> preflight = send("OPTIONS", "/v1/AUTH_test", "Origin", APP,
                "Access-Control-Request-Method", "GET");

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(methods(preflight, "Allow")).contains("OPTIONS");
    }

    @Test
    void addsCorsHeadersToAnAllowedOriginsActualRequests() throws Exception {
        HttpResponse<String> get = send("GET", "/v1/AUTH_test/web/o", "X-Auth-Token", tester, "Origin", APP);
        HttpResponse<String> missing = send("HEAD", "/v1/AUTH_test/web/nothing", "X-Auth-Token", tester,
                "Origin", APP);
        HttpResponse<String> listing = send("GET", "/v1/AUTH_test/web", "X-Auth-Token", tester, "Origin", APP);

        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
        assertThat(get.headers().firstValue("Vary")).hasValue("Origin");
        assertThat(methods(get, "Access-Control-Expose-Headers")).contains("etag", "x-trans-id",
                "x-openstack-request-id", "x-object-meta-color", "x-custom-header", "x-timestamp", "content-type");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
        assertThat(listing.statusCode()).isEqualTo(200);
        assertThat(methods(listing, "Access-Control-Expose-Headers")).contains("x-container-meta-access-control-max-age");
    }

    @Test
    void addsNothingForAnOriginNotAllowedInStrictMode() throws Exception {
        HttpResponse<String> get = send("GET", "/v1/AUTH_test/web/o", "X-Auth-Token", tester,
                "Origin", "http://evil.example");
        HttpResponse<String> account = send("GET", "/v1/AUTH_test", "X-Auth-Token", tester, "Origin", APP);

        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(get.headers().firstValue("Access-Control-Expose-Headers")).isEmpty();
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void addsCorsHeadersToTheDenialsSwiftDelays() throws Exception {
        HttpResponse<String> objectGet = send("GET", "/v1/AUTH_test/web/o", "Origin", APP);
        HttpResponse<String> listing = send("GET", "/v1/AUTH_test/web", "Origin", APP);
        HttpResponse<String> containerPut = send("PUT", "/v1/AUTH_test/web", "Origin", APP);

        assertThat(objectGet.statusCode()).isEqualTo(401);
        assertThat(objectGet.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
        assertThat(objectGet.headers().firstValue("Www-Authenticate")).hasValue("Swift realm=\"AUTH_test\"");
        assertThat(listing.statusCode()).isEqualTo(401);
        assertThat(listing.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
        // Swift authorizes a container PUT before its (decorated) method runs: a bare 401.
        assertThat(containerPut.statusCode()).isEqualTo(401);
        assertThat(containerPut.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void showsStrictCorsModeInInfo() throws Exception {
        HttpResponse<String> info = send("GET", "/info");

        assertThat(info.body()).contains("\"strict_cors_mode\":true");
    }

    private static List<String> methods(HttpResponse<String> response, String header) {
        return Arrays.stream(response.headers().firstValue(header).orElseThrow().split(","))
                .map(String::strip)
                .toList();
    }

    private HttpResponse<String> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(20));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
