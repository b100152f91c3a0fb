package io.ringway.middleware.proxylogging;

import static io.ringway.middleware.proxylogging.ProxyLoggingHarness.answering;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.ringway.middleware.Middleware;
import io.ringway.middleware.RequestContext;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The request meters on a {@code SimpleMeterRegistry}: names, bounded tags, values from the clock. */
class ProxyLoggingMetricsTests {

    private final ProxyLoggingHarness harness = new ProxyLoggingHarness();
    private final Middleware stage = harness.stage();

    @AfterEach
    void detach() {
        harness.close();
    }

    private void run(MockServerHttpRequest request, String policy, HttpStatus status, String... chunks) {
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        stage.handle(exchange, next -> {
            if (policy != null) {
                RequestContext.of(next).policy(policy);
            }
            return answering(status, chunks).next(next);
        }).block();
    }

    @Test
    void timesARequestByMethodStatusClassOutcomeAndPolicy() {
        run(MockServerHttpRequest.get("/v1/AUTH_test/photos/cat.jpg").build(), "gold", HttpStatus.OK, "hello ", "world");

        Timer timer = harness.registry.get("ringway.requests")
                .tags("method", "GET", "status", "2xx", "outcome", "success", "policy", "gold")
                .timer();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(250);
        assertThat(harness.registry.get("ringway.response.bytes").tags("method", "GET", "policy", "gold")
                .summary().totalAmount()).isEqualTo(11);
        assertThat(harness.registry.get("ringway.request.bytes").tags("method", "GET", "policy", "gold")
                .summary().count()).isEqualTo(1);
        assertThat(harness.registry.get("ringway.response.first.byte").tags("method", "GET", "policy", "gold")
                .timer().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(125);
    }

    @Test
    void tagsNoPolicyAsNoneAndUnknownMethodsAsOther() {
        run(MockServerHttpRequest.method(HttpMethod.valueOf("PATCH"), "/v1/AUTH_test").build(), null,
                HttpStatus.METHOD_NOT_ALLOWED, "no");

        assertThat(harness.registry.get("ringway.requests")
                .tags("method", "OTHER", "status", "4xx", "outcome", "client_error", "policy", "none")
                .timer().count()).isEqualTo(1);
    }

    @Test
    void countsServerErrorsAsLocalErrors() {
        run(MockServerHttpRequest.put("/v1/AUTH_test/c/o").build(), "gold", HttpStatus.SERVICE_UNAVAILABLE);

        assertThat(harness.registry.get("ringway.requests")
                .tags("method", "PUT", "status", "5xx", "outcome", "local_error")
                .timer().count()).isEqualTo(1);
    }

    @Test
    void countsACancelledRequestAsClientCancelled() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/v1/AUTH_test/c/o").build());

        stage.handle(exchange, next -> next.getResponse().writeWith(Flux.never()))
                .subscribe()
                .dispose();

        assertThat(harness.registry.get("ringway.requests")
                .tags("method", "GET", "status", "4xx", "outcome", "client_cancelled", "policy", "none")
                .timer().count()).isEqualTo(1);
    }

    @Test
    void countsAFailedPipelineAsLocalError() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.delete("/v1/AUTH_test/c").build());

        stage.handle(exchange, next -> Mono.error(new IllegalStateException("surprise")))
                .onErrorComplete()
                .block();

        assertThat(harness.registry.get("ringway.requests")
                .tags("method", "DELETE", "status", "5xx", "outcome", "local_error")
                .timer().count()).isEqualTo(1);
    }

    @Test
    void tagsComeFromBoundedSetsNeverFromNames() {
        run(MockServerHttpRequest.get("/v1/AUTH_secret/container-name/object-name").build(), "gold", HttpStatus.OK,
                "x");

        Set<String> keys = harness.registry.getMeters().stream()
                .map(Meter::getId)
                .flatMap(id -> id.getTags().stream())
                .map(Tag::getKey)
                .collect(Collectors.toSet());
        Set<String> values = harness.registry.getMeters().stream()
                .flatMap(meter -> meter.getId().getTags().stream())
                .map(Tag::getValue)
                .collect(Collectors.toSet());
        assertThat(keys).isSubsetOf("method", "status", "outcome", "policy");
        assertThat(values).noneMatch(value -> value.contains("AUTH_") || value.contains("name"));
    }
}
