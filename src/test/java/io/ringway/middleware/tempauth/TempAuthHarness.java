package io.ringway.middleware.tempauth;

import io.ringway.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.middleware.Middleware;
import io.ringway.middleware.MiddlewareContext;
import io.ringway.middleware.acl.AccountAcls;
import io.ringway.middleware.acl.AclSource;
import io.ringway.middleware.acl.ContainerAcls;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The tempauth stage built through its factory, alone in front of a recording chain, with an
 * in-memory {@link AclSource} and a clock the test moves.
 */
final class TempAuthHarness implements AclSource {

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    final Map<String, ContainerAcls> containers = new HashMap<>();
    final Map<String, AccountAcls> accounts = new HashMap<>();
    final List<ServerWebExchange> passed = new ArrayList<>();
    final Middleware stage;

    TempAuthHarness() {
        this(TempAuthConfig.defaults().withTokenSecret("test-secret"));
    }

    TempAuthHarness(TempAuthConfig config) {
        MiddlewareContext context = new MiddlewareContext() {
            @Override
            public <T> T service(Class<T> type) {
                if (type == AclSource.class) {
                    return type.cast(TempAuthHarness.this);
                }
                if (type == Clock.class) {
                    return type.cast(clock);
                }
                throw new IllegalStateException("no " + type);
            }
        };
        this.stage = new TempAuthFactory().create(config, context);
    }

    @Override
    public Mono<ContainerAcls> containerAcls(String account, String container) {
        return Mono.justOrEmpty(containers.get(account + "/" + container));
    }

    @Override
    public Mono<AccountAcls> accountAcls(String account) {
        return Mono.justOrEmpty(accounts.get(account));
    }

    /** Runs the request through the stage. */
    MockServerWebExchange run(MockServerHttpRequest request) {
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        stage.handle(exchange, passing -> {
            passed.add(passing);
            return Mono.empty();
        }).block();
        return exchange;
    }

    MockServerWebExchange run(String method, String path, @Nullable String token, String... headers) {
        MockServerHttpRequest.BaseBuilder<?> builder = MockServerHttpRequest.method(HttpMethod.valueOf(method),
                "http://localhost:8080" + path);
        if (token != null) {
            builder.header("X-Auth-Token", token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return run(builder.build());
    }

    /** A token of one of the users, as {@code GET /auth/v1.0} gives it. */
    String token(String accountUser, String key) {
        MockServerWebExchange exchange = run("GET", "/auth/v1.0", null, "X-Auth-User", accountUser, "X-Auth-Key", key);
        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(200);
        String token = exchange.getResponse().getHeaders().getFirst("X-Auth-Token");
        assertThat(token).isNotNull();
        return token;
    }

    String tester() {
        return token("test:tester", "testing");
    }

    String tester3() {
        return token("test:tester3", "testing3");
    }

    String admin() {
        return token("admin:admin", "admin");
    }

    String tester5() {
        return token("test5:tester5", "testing5");
    }

    static int status(MockServerWebExchange exchange) {
        return exchange.getResponse().getStatusCode() == null ? 200 : exchange.getResponse().getStatusCode().value();
    }

    static String body(MockServerWebExchange exchange) {
        return exchange.getResponse().getBodyAsString().block();
    }
}
