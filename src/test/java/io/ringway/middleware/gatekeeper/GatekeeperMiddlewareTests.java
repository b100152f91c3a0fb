package io.ringway.middleware.gatekeeper;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.middleware.Middleware;
import io.ringway.middleware.Placement;
import io.ringway.middleware.RecordingChain;
import io.ringway.middleware.StageTesting;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.test.StepVerifier;

/** gatekeeper alone, built through its factory, in front of a recording chain. */
class GatekeeperMiddlewareTests {

    private final GatekeeperFactory factory = new GatekeeperFactory();

    @Test
    void mustComeRightAfterCatchErrors() {
        assertThat(factory.name()).isEqualTo("gatekeeper");
        assertThat(factory.placement()).isEqualTo(Placement.requiredAfter("catch_errors"));
    }

    @Test
    void stripsBackendAndSysmetaHeadersFromClientRequestsInAnyCase() {
        HttpHeaders seen = passOn(MockServerHttpRequest.put("/v1/a/c/o")
                .header("X-Backend-Storage-Policy-Index", "1")
                .header("x-backendfoo", "1")
                .header("X-Account-Sysmeta-Quota", "1")
                .header("X-CONTAINER-SYSMETA-Versions", "1")
                .header("X-Object-Sysmeta-Crypto", "1")
                .header("X-Object-Transient-Sysmeta-Crypto", "1")
                .header("X-Object-Meta-Color", "blue")
                .header("X-Sysmeta-Not-A-Prefix", "kept"), Map.of());

        assertThat(seen.headerNames()).containsExactlyInAnyOrder("X-Object-Meta-Color", "X-Sysmeta-Not-A-Prefix");
    }

    @Test
    void shuntsAClientXTimestampToXBackendInboundXTimestamp() {
        HttpHeaders seen = passOn(MockServerHttpRequest.put("/v1/a/c/o").header("X-Timestamp", "1700000000.00000"),
                Map.of());

        assertThat(seen.getFirst("X-Timestamp")).isNull();
        assertThat(seen.getFirst("X-Backend-Inbound-X-Timestamp")).isEqualTo("1700000000.00000");
    }

    @Test
    void keepsXTimestampWhenShuntingIsOff() {
        HttpHeaders seen = passOn(MockServerHttpRequest.put("/v1/a/c/o").header("X-Timestamp", "1.00000"),
                Map.of("ringway.middleware.gatekeeper.shunt_inbound_x_timestamp", "false"));

        assertThat(seen.getFirst("X-Timestamp")).isEqualTo("1.00000");
        assertThat(seen.getFirst("X-Backend-Inbound-X-Timestamp")).isNull();
    }

    @Test
    void passesXAllowReservedNamesOnOnlyWhenAllowed() {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/v1/a")
                .header("X-Allow-Reserved-Names", "true");

        assertThat(passOn(request, Map.of()).getFirst("X-Backend-Allow-Reserved-Names")).isNull();
        HttpHeaders allowed = passOn(request,
                Map.of("ringway.middleware.gatekeeper.allow_reserved_names_header", "true"));
        assertThat(allowed.getFirst("X-Backend-Allow-Reserved-Names")).isEqualTo("true");
        assertThat(allowed.getFirst("X-Allow-Reserved-Names")).isNull();
    }

    @Test
    void stripsBackendAndSysmetaHeadersFromResponses() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/v1/a/c/o"));
        RecordingChain chain = RecordingChain.answering(next -> {
            HttpHeaders headers = next.getResponse().getHeaders();
            headers.set("X-Backend-Timestamp", "1.00000");
            headers.set("X-Object-Sysmeta-Crypto-Meta", "secret");
            headers.set("x-container-sysmeta-x", "secret");
            headers.set("X-Object-Meta-Color", "blue");
            return next.getResponse().setComplete();
        });

        StepVerifier.create(stage(Map.of()).handle(exchange, chain)).verifyComplete();

        assertThat(exchange.getResponse().getHeaders().headerNames()).containsExactly("X-Object-Meta-Color");
    }

    private HttpHeaders passOn(MockServerHttpRequest.BaseBuilder<?> request, Map<String, Object> properties) {
        RecordingChain chain = RecordingChain.completing();
        StepVerifier.create(stage(properties).handle(MockServerWebExchange.from(request), chain)).verifyComplete();
        assertThat(chain.calls()).hasSize(1);
        return chain.calls().get(0).getRequest().getHeaders();
    }

    private Middleware stage(Map<String, Object> properties) {
        return StageTesting.create(factory, properties);
    }
}
