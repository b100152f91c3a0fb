package io.ringway.middleware.tempauth;

import static io.ringway.middleware.tempauth.TempAuthHarness.body;
import static io.ringway.middleware.tempauth.TempAuthHarness.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.middleware.MiddlewareContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

/** {@code GET /auth/v1.0} and friends: scenarios of Swift's {@code test_tempauth.py} (TestAuth). */
class TempAuthTokenTests {

    private static final String UNAUTHORIZED = "<html><h1>Unauthorized</h1><p>This server could not verify that you "
            + "are authorized to access the document you requested.</p></html>";

    private final TempAuthHarness harness = new TempAuthHarness();

    @ParameterizedTest
    @CsvSource({
        "admin:admin, admin, AUTH_admin",
        "test:tester, testing, AUTH_test",
        "test2:tester2, testing2, AUTH_test2",
        "test:tester3, testing3, AUTH_test",
        "test5:tester5, testing5, AUTH_test5",
    })
    void givesEachDefaultUserATokenAndItsStorageUrl(String user, String key, String account) {
        MockServerWebExchange exchange = harness.run("GET", "/auth/v1.0", null, "X-Auth-User", user, "X-Auth-Key", key);

        HttpHeaders headers = exchange.getResponse().getHeaders();
        assertThat(status(exchange)).isEqualTo(200);
        assertThat(headers.getFirst("X-Auth-Token")).startsWith("AUTH_tk");
        assertThat(headers.getFirst("X-Storage-Token")).isEqualTo(headers.getFirst("X-Auth-Token"));
        assertThat(Long.parseLong(headers.getFirst("X-Auth-Token-Expires"))).isBetween(1L, 86400L);
        assertThat(headers.getFirst("X-Storage-Url")).isEqualTo("http://localhost:8080/v1/" + account);
        assertThat(headers.getFirst("Content-Type")).isEqualTo("text/html; charset=UTF-8");
        assertThat(headers.getContentLength()).isZero();
        assertThat(harness.passed).isEmpty();
    }

    @Test
    void acceptsStorageUserAndPassAndTheOtherTokenPaths() {
        assertThat(status(harness.run("GET", "/auth/v1.0", null, "X-Storage-User", "test:tester",
                "X-Storage-Pass", "testing"))).isEqualTo(200);
        assertThat(status(harness.run("GET", "/auth/auth", null, "X-Auth-User", "test:tester",
                "X-Auth-Key", "testing"))).isEqualTo(200);
        assertThat(status(harness.run("GET", "/auth/v1/test/auth", null, "X-Storage-User", "tester",
                "X-Storage-Pass", "testing"))).isEqualTo(200);
        assertThat(status(harness.run("GET", "/auth/v1/test/auth", null, "X-Auth-User", "test:tester",
                "X-Auth-Key", "testing"))).isEqualTo(200);
    }

    @Test
    void givesTheSameTokenAgainUntilItExpires() {
        String first = harness.tester();
        harness.clock.advance(Duration.ofMinutes(5));

        assertThat(harness.tester()).isEqualTo(first);
        assertThat(harness.tester3()).isNotEqualTo(first);
    }

    @Test
    void refusesAWrongKeyWithSwiftsBodyAndUnknownRealm() {
        MockServerWebExchange exchange = harness.run("GET", "/auth/v1.0", null, "X-Auth-User", "test:tester",
                "X-Auth-Key", "wrong");

        assertThat(status(exchange)).isEqualTo(401);
        assertThat(exchange.getResponse().getHeaders().getFirst("Www-Authenticate")).isEqualTo("Swift realm=\"unknown\"");
        assertThat(body(exchange)).isEqualTo(UNAUTHORIZED);
    }

    @Test
    void refusesAnUnknownUserNamingItsAccount() {
        MockServerWebExchange exchange = harness.run("GET", "/auth/v1.0", null, "X-Auth-User", "test:nobody",
                "X-Auth-Key", "testing");

        assertThat(status(exchange)).isEqualTo(401);
        assertThat(exchange.getResponse().getHeaders().getFirst("Www-Authenticate")).isEqualTo("Swift realm=\"test\"");
    }

    @Test
    void refusesMissingOrMalformedCredentials() {
        assertThat(status(harness.run("GET", "/auth/v1.0", null))).isEqualTo(401);
        assertThat(status(harness.run("GET", "/auth/v1.0", null, "X-Auth-User", "tester", "X-Auth-Key", "testing")))
                .isEqualTo(401);
        assertThat(status(harness.run("GET", "/auth/v1.0", null, "X-Auth-User", "test:tester"))).isEqualTo(401);
        MockServerWebExchange mismatch = harness.run("GET", "/auth/v1/test2/auth", null, "X-Auth-User", "test:tester",
                "X-Auth-Key", "testing");
        assertThat(status(mismatch)).isEqualTo(401);
        assertThat(mismatch.getResponse().getHeaders().getFirst("Www-Authenticate")).isEqualTo("Swift realm=\"test2\"");
    }

    @Test
    void answersOtherMethodsAndPathsAsSwiftDoes() {
        assertThat(status(harness.run("POST", "/auth/v1.0", null))).isEqualTo(405);
        assertThat(status(harness.run("GET", "/auth/v2", null))).isEqualTo(400);
        assertThat(status(harness.run("GET", "/auth/v1/test", null))).isEqualTo(400);
        assertThat(status(harness.run("GET", "/auth/", null))).isEqualTo(404);
    }

    @Test
    void buildsTheStorageUrlFromTheHostHeaderAndTheConfiguredScheme() {
        TempAuthHarness https = new TempAuthHarness(new TempAuthConfig(null, null, null, null, null, null, "https",
                null, "secret"));
        MockServerWebExchange exchange = https.run(MockServerHttpRequest.get("http://10.0.0.1:8080/auth/v1.0")
                .header("Host", "swift.example.com")
                .header("X-Auth-User", "test:tester")
                .header("X-Auth-Key", "testing")
                .build());

        assertThat(exchange.getResponse().getHeaders().getFirst("X-Storage-Url"))
                .isEqualTo("https://swift.example.com/v1/AUTH_test");
    }

    @Test
    void usesAConfiguredStorageUrlAndAuthPrefix() {
        TempAuthHarness custom = new TempAuthHarness(new TempAuthConfig(List.of("AUTH"), null, Map.of(), "login",
                null, null, null, List.of(new TempAuthConfig.User("acct", "joe", "pw", List.of(".admin"),
                        "$HOST/v1/AUTH_other")), "secret"));

        MockServerWebExchange exchange = custom.run("GET", "/login/v1.0", null, "X-Auth-User", "acct:joe",
                "X-Auth-Key", "pw");

        assertThat(exchange.getResponse().getHeaders().getFirst("X-Storage-Url"))
                .isEqualTo("http://localhost:8080/v1/AUTH_other");
        String token = exchange.getResponse().getHeaders().getFirst("X-Auth-Token");
        assertThat(status(custom.run("GET", "/v1/AUTH_other", token))).isEqualTo(200);
        assertThat(custom.passed).hasSize(1);
    }

    @Test
    void registersAccountAclsInInfo() {
        assertThat(new TempAuthFactory().info(TempAuthConfig.defaults())).isEqualTo(Map.of("account_acls", true));
        assertThat(new TempAuthFactory().name()).isEqualTo("tempauth");
    }

    @Test
    void makesARandomSecretWhenNoneIsConfigured() {
        MiddlewareContext none = new MiddlewareContext() {
            @Override
            public <T> T service(Class<T> type) {
                throw new IllegalStateException("none");
            }
        };
        var stage = new TempAuthFactory().create(TempAuthConfig.defaults(), none);
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/auth/v1.0")
                .header("X-Auth-User", "test:tester")
                .header("X-Auth-Key", "testing")
                .build());

        stage.handle(exchange, e -> reactor.core.publisher.Mono.empty()).block();

        assertThat(exchange.getResponse().getHeaders().getFirst("X-Auth-Token")).startsWith("AUTH_tk");
        assertThat(TempAuthConfig.defaults().toString()).contains("tokenSecret=(random)").doesNotContain("testing");
    }
}
