package io.ringway.middleware.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.middleware.Middleware;
import io.ringway.middleware.RecordingChain;
import io.ringway.middleware.StageTesting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.test.StepVerifier;

/** healthcheck alone, built through its factory, in front of a recording chain. */
class HealthcheckMiddlewareTests {

    @TempDir
    Path dir;

    @Test
    void answersHealthcheckWithOkAsPlainTextWithoutGoingFurther() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/healthcheck"));
        RecordingChain chain = RecordingChain.completing();

        StepVerifier.create(stage(Map.of()).handle(exchange, chain)).verifyComplete();

        assertThat(chain.calls()).isEmpty();
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(exchange.getResponse().getHeaders().getFirst("Content-Type")).isEqualTo("text/plain");
        assertThat(exchange.getResponse().getHeaders().getContentLength()).isEqualTo(2);
        assertThat(exchange.getResponse().getBodyAsString().block()).isEqualTo("OK");
    }

    @Test
    void answers503DisabledByFileWhileTheDisableFileExists() throws Exception {
        Path disable = dir.resolve("disabled");
        Middleware stage = stage(Map.of("ringway.middleware.healthcheck.disable_path", disable.toString()));

        MockServerWebExchange before = healthcheck(stage);
        Files.createFile(disable);
        MockServerWebExchange during = healthcheck(stage);

        assertThat(before.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(during.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(during.getResponse().getBodyAsString().block()).isEqualTo("DISABLED BY FILE");
        assertThat(during.getResponse().getHeaders().getFirst("Content-Type")).isEqualTo("text/plain");
    }

    @Test
    void passesOtherPathsOn() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/healthcheck/x"));
        RecordingChain chain = RecordingChain.completing();

        StepVerifier.create(stage(Map.of()).handle(exchange, chain)).verifyComplete();

        assertThat(chain.calls()).hasSize(1);
    }

    private static MockServerWebExchange healthcheck(Middleware stage) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/healthcheck"));
        StepVerifier.create(stage.handle(exchange, RecordingChain.completing())).verifyComplete();
        return exchange;
    }

    private static Middleware stage(Map<String, Object> properties) {
        return StageTesting.create(new HealthcheckFactory(), properties);
    }
}
