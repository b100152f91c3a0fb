package io.ringway.middleware.copy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.middleware.Middleware;
import io.ringway.middleware.MiddlewareContext;
import io.ringway.middleware.acl.AccountAcls;
import io.ringway.middleware.acl.AclSource;
import io.ringway.middleware.acl.ContainerAcls;
import io.ringway.middleware.copy.CopyHarness.Result;
import io.ringway.middleware.tempauth.TempAuthConfig;
import io.ringway.middleware.tempauth.TempAuthFactory;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * tempauth, then copy, then a fake Swift: a user may copy only what it may read to where it may
 * write, as Swift's proxy authorizes both requests of a copy ({@code test:tester3} is no admin).
 */
class CopyWithTempAuthTests {

    private static final String FORBIDDEN = "<html><h1>Forbidden</h1><p>Access was denied to this resource.</p></html>";

    private final Map<String, ContainerAcls> containers = new HashMap<>();
    private final Middleware tempauth = new TempAuthFactory().create(TempAuthConfig.defaults()
            .withTokenSecret("copy-tests"), new MiddlewareContext() {
                @Override
                public <T> T service(Class<T> type) {
                    if (type == Clock.class) {
                        return type.cast(Clock.systemUTC());
                    }
                    if (type != AclSource.class) {
                        throw new IllegalStateException("no " + type);
                    }
                    return type.cast(new AclSource() {
                        @Override
                        public Mono<ContainerAcls> containerAcls(String account, String container) {
                            return Mono.justOrEmpty(containers.get(account + "/" + container));
                        }

                        @Override
                        public Mono<AccountAcls> accountAcls(String account) {
                            return Mono.empty();
                        }
                    });
                }
            });
    private final CopyHarness harness = new CopyHarness(tempauth);
    private final FakeSwift swift = harness.swift;
    private final String tester3 = token();

    CopyWithTempAuthTests() {
        containers.put("AUTH_test/src", new ContainerAcls("test:tester3", null));
        containers.put("AUTH_test/dst", new ContainerAcls(null, "test:tester3"));
        containers.put("AUTH_test/pub", new ContainerAcls(".r:*", null));
        containers.put("AUTH_test/secret", ContainerAcls.NONE);
        swift.object("/v1/AUTH_test/src/o", "readable");
        swift.object("/v1/AUTH_test/secret/o", "not for tester3");
        swift.object("/v1/AUTH_test/pub/o", "public");
        swift.object("/v1/AUTH_test/dst/o", "writable only");
        swift.object("/v1/AUTH_test2/src/o", "another account");
    }

    @Test
    void copiesFromAReadableToAWritableContainer() {
        assertThat(run("PUT", "/v1/AUTH_test/dst/o2", tester3, "X-Copy-From", "src/o").status()).isEqualTo(201);
        assertThat(run("COPY", "/v1/AUTH_test/src/o", tester3, "Destination", "dst/o3").status()).isEqualTo(201);

        assertThat(swift.requests()).containsExactly("GET /v1/AUTH_test/src/o", "PUT /v1/AUTH_test/dst/o2",
                "GET /v1/AUTH_test/src/o", "PUT /v1/AUTH_test/dst/o3");
    }

    @Test
    void refusesAPutFromASourceTheUserMayNotReadWithoutReadingIt() {
        Result result = run("PUT", "/v1/AUTH_test/dst/o2", tester3, "X-Copy-From", "secret/o");

        assertThat(result.status()).isEqualTo(403);
        assertThat(result.body()).isEqualTo(FORBIDDEN);
        assertThat(swift.calls).isEmpty();
    }

    @Test
    void refusesACopyOfASourceTheUserMayNotRead() {
        assertThat(run("COPY", "/v1/AUTH_test/secret/o", tester3, "Destination", "dst/o2").status()).isEqualTo(403);
        assertThat(run("COPY", "/v1/AUTH_test/dst/o", tester3, "Destination", "dst/o2").status()).isEqualTo(403);
        assertThat(swift.calls).isEmpty();
    }

    @Test
    void refusesACopyToAContainerTheUserMayNotWriteAndClosesTheSource() {
        Result result = run("COPY", "/v1/AUTH_test/src/o", tester3, "Destination", "src/o2");

        assertThat(result.status()).isEqualTo(403);
        assertThat(swift.requests()).containsExactly("GET /v1/AUTH_test/src/o");
        assertThat(swift.sourceEnds).containsExactly(SignalType.CANCEL);
    }

    @Test
    void refusesSourcesInAnotherAccount() {
        assertThat(run("PUT", "/v1/AUTH_test/dst/o2", tester3, "X-Copy-From", "src/o", "X-Copy-From-Account",
                "AUTH_test2").status()).isEqualTo(403);
        assertThat(run("COPY", "/v1/AUTH_test/src/o", tester3, "Destination", "dst/o2", "Destination-Account",
                "AUTH_test2").status()).isEqualTo(403);
        assertThat(swift.requests()).containsExactly("GET /v1/AUTH_test/src/o");
    }

    @Test
    void refusesAnAnonymousCopyOfAPublicObjectWith401NamingTheDestinationAccount() {
        Result result = run("COPY", "/v1/AUTH_test/pub/o", null, "Destination", "dst/o2", "Destination-Account",
                "AUTH_test2");

        assertThat(result.status()).isEqualTo(401);
        assertThat(result.headers().getFirst("Www-Authenticate")).isEqualTo("Swift realm=\"AUTH_test2\"");
        assertThat(swift.requests()).containsExactly("GET /v1/AUTH_test/pub/o");
    }

    private Result run(String method, String path, @Nullable String token, String... headers) {
        String[] all = headers;
        if (token != null) {
            all = new String[headers.length + 2];
            all[0] = "X-Auth-Token";
            all[1] = token;
            System.arraycopy(headers, 0, all, 2, headers.length);
        }
        return harness.run(method, path, all);
    }

    private String token() {
        MockServerWebExchange exchange = MockServerWebExchange.from(CopyHarness.request("GET", "/auth/v1.0",
                "X-Auth-User", "test:tester3", "X-Auth-Key", "testing3"));
        tempauth.handle(exchange, passed -> Mono.empty()).block();
        String token = exchange.getResponse().getHeaders().getFirst("X-Auth-Token");
        assertThat(token).isNotNull();
        return token;
    }
}
