package io.ringway.middleware.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringway.middleware.Middleware;
import io.ringway.middleware.MiddlewareContext;
import io.ringway.middleware.RecordingChain;
import io.ringway.middleware.StageTesting;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.test.StepVerifier;

/** The cache stage built through its factory, and its configuration as the environment binds it. */
class CacheStageTests {

    private final CacheFactory factory = new CacheFactory();

    @Test
    void passesEveryRequestOn() {
        InfoCache cache = new InfoCache(new FakeInfoSource(), CacheConfig.DEFAULTS, () -> 0L);
        MiddlewareContext context = new MiddlewareContext() {
            @Override
            public <T> T service(Class<T> type) {
                return type.cast(cache);
            }
        };
        Middleware stage = factory.create(CacheConfig.DEFAULTS, context);
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/v1/AUTH_a/c"));
        RecordingChain chain = RecordingChain.completing();

        StepVerifier.create(stage.handle(exchange, chain)).verifyComplete();

        assertThat(chain.last()).isSameAs(exchange);
    }

    @Test
    void refusesToStartWithoutAnInfoCache() {
        assertThatThrownBy(() -> factory.create(CacheConfig.DEFAULTS, StageTesting.NO_SERVICES))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void defaultsAreSwiftsSixtySeconds() {
        CacheConfig config = StageTesting.configs(Map.of()).bind("cache", CacheConfig.class);

        assertThat(config).isEqualTo(CacheConfig.DEFAULTS);
    }

    @Test
    void bindsSwiftsOptionNamesWithBareNumbersAsSeconds() {
        CacheConfig config = StageTesting.configs(Map.of(
                "ringway.middleware.cache.recheck_account_existence", "30",
                "ringway.middleware.cache.recheck-container-existence", "2m",
                "ringway.middleware.cache.maximum-size", "10")).bind("cache", CacheConfig.class);

        assertThat(config).isEqualTo(new CacheConfig(Duration.ofSeconds(30), Duration.ofMinutes(2), 10));
    }
}
