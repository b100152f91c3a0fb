package io.ringway.proxy.cors;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.api.swift.SwiftPath;
import io.ringway.backend.AccountInfo;
import io.ringway.backend.ContainerInfo;
import io.ringway.backend.InfoSource;
import io.ringway.proxy.ProxyReply;
import io.ringway.proxy.ProxySettings;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

/** OPTIONS answers by level and the delayed denials that get CORS headers, as Swift's proxy. */
class CorsTests {

    private static final Set<String> METHODS = Set.of("HEAD", "GET", "PUT", "POST", "OPTIONS", "DELETE");
    private static final String ALLOW = "HEAD, GET, PUT, POST, OPTIONS, DELETE";

    private final AtomicInteger lookups = new AtomicInteger();
    private final Cors cors = new Cors(new CorsPolicy(ProxySettings.DEFAULTS), new InfoSource() {
        @Override
        public Mono<AccountInfo> account(String account) {
            return Mono.error(new AssertionError("no account info needed"));
        }

        @Override
        public Mono<ContainerInfo> container(String account, String container) {
            lookups.incrementAndGet();
            return Mono.just(new ContainerInfo(204, 0, 0, 0, null, null, null, null,
                    Map.of("access-control-allow-origin", "http://app.example"), Map.of()));
        }
    });

    private static MockServerWebExchange preflight(String path, String origin) {
        return MockServerWebExchange.from(MockServerHttpRequest.method(HttpMethod.OPTIONS, path)
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "GET"));
    }

    private ProxyReply options(SwiftPath path, MockServerWebExchange exchange) {
        return cors.options(path, METHODS, ALLOW, exchange).block();
    }

    @Test
    void answersAccountAndInfoPreflightsAsPlainOptionsWithoutLookingUpAContainer() {
        ProxyReply account = options(new SwiftPath(SwiftPath.Kind.ACCOUNT, "v1", "AUTH_a", null, null),
                preflight("/v1/AUTH_a", "http://evil.example"));
        ProxyReply info = options(new SwiftPath(SwiftPath.Kind.INFO, "", "", null, null),
                preflight("/info", "http://evil.example"));

        for (ProxyReply reply : List.of(account, info)) {
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.headers().getFirst("Allow")).isEqualTo(ALLOW);
            assertThat(reply.headers().getFirst("Content-Type")).isEqualTo("text/html; charset=UTF-8");
            assertThat(reply.headers().getContentLength()).isZero();
            assertThat(reply.headers().containsHeader("Access-Control-Allow-Origin")).isFalse();
        }
        assertThat(lookups).hasValue(0);
    }

    @Test
    void refusesAContainerPreflightWithSwiftsUnauthorizedBodyAndTheAllowHeader() {
        ProxyReply denied = options(new SwiftPath(SwiftPath.Kind.OBJECT, "v1", "AUTH_a", "c", "o"),
                preflight("/v1/AUTH_a/c/o", "http://evil.example"));
        ProxyReply allowed = options(new SwiftPath(SwiftPath.Kind.CONTAINER, "v1", "AUTH_a", "c", null),
                preflight("/v1/AUTH_a/c", "http://app.example"));

        assertThat(denied.status()).isEqualTo(401);
        assertThat(denied.headers().getFirst("Allow")).isEqualTo(ALLOW);
        assertThat(denied.headers().getContentLength()).isEqualTo(131);
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.headers().getFirst("Access-Control-Allow-Origin")).isEqualTo("http://app.example");
        assertThat(allowed.headers().containsHeader("Content-Type")).isFalse();
        assertThat(allowed.headers().getContentLength()).isZero();
    }

    @Test
    void preparesCorsHeadersOnlyForTheDenialsSwiftDelays() {
        MockServerWebExchange objectPut = MockServerWebExchange.from(MockServerHttpRequest.put("/v1/AUTH_a/c/o")
                .header("Origin", "http://app.example"));
        MockServerWebExchange containerPut = MockServerWebExchange.from(MockServerHttpRequest.put("/v1/AUTH_a/c")
                .header("Origin", "http://app.example"));
        MockServerWebExchange noOrigin = MockServerWebExchange.from(MockServerHttpRequest.get("/v1/AUTH_a/c"));

        cors.beforeDenial(objectPut, "AUTH_a", "c", "o").block();
        cors.beforeDenial(containerPut, "AUTH_a", "c", null).block();
        cors.beforeDenial(noOrigin, "AUTH_a", "c", null).block();
        for (MockServerWebExchange exchange : List.of(objectPut, containerPut, noOrigin)) {
            exchange.getResponse().setComplete().block();
        }

        assertThat(objectPut.getResponse().getHeaders().getFirst("Access-Control-Allow-Origin"))
                .isEqualTo("http://app.example");
        assertThat(containerPut.getResponse().getHeaders().containsHeader("Access-Control-Allow-Origin")).isFalse();
        assertThat(noOrigin.getResponse().getHeaders().containsHeader("Access-Control-Allow-Origin")).isFalse();
        assertThat(lookups).hasValue(1);
    }
}
