package io.ringway.middleware.proxylogging;

import static io.ringway.middleware.proxylogging.ProxyLoggingHarness.answering;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.middleware.Middleware;
import io.ringway.middleware.RequestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

/** Swift's proxy_logging first and last in the pipeline: each request is logged once. */
class ProxyLoggingTwiceTests {

    static final ProxyLoggingConfig SHORT = ProxyLoggingConfig.defaults()
            .withLogMsgTemplate("{method} {path} {status_int} {bytes_sent} {source}");

    private final ProxyLoggingHarness harness = new ProxyLoggingHarness();
    private final Middleware left = harness.stage(SHORT);
    private final Middleware right = harness.stage(SHORT);

    @AfterEach
    void detach() {
        harness.close();
    }

    @Test
    void logsAClientRequestOnceWhenTheStageIsPlacedTwice() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/v1/a/c/o").build());

        left.handle(exchange, passed -> right.handle(passed, answering(HttpStatus.OK, "abc"))).block();

        assertThat(harness.lines()).containsExactly("GET /v1/a/c/o 200 3 -");
        assertThat(harness.registry.get("ringway.requests").timer().count()).isEqualTo(1);
    }

    @Test
    void theRightStageLogsTheSubrequestsThatAStageMakesItself() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/v1/a/c/").build());

        // Like staticweb: answer the client's request with the body of a subrequest for index.html.
        left.handle(exchange, passed -> {
            MockServerWebExchange subrequest = MockServerWebExchange.from(
                    MockServerHttpRequest.get("/v1/a/c/index.html").build());
            RequestContext.of(subrequest).swiftSource("SW");
            return right.handle(subrequest, answering(HttpStatus.OK, "<html/>"))
                    .then(Mono.defer(() -> answering(HttpStatus.OK, "<html/>").next(passed)));
        }).block();

        // Lines are written in doFinally, after completion went downstream: the order is not Swift's.
        assertThat(harness.lines()).containsExactlyInAnyOrder(
                "GET /v1/a/c/index.html 200 7 SW",
                "GET /v1/a/c/ 200 7 -");
    }
}
