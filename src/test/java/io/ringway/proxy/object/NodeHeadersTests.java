package io.ringway.proxy.object;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringway.api.error.GatewayException;
import io.ringway.api.swift.SwiftPath;
import io.ringway.proxy.BackendHeaders;
import io.ringway.proxy.ProxyRequest;
import io.ringway.swift.Timestamp;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class NodeHeadersTests {

    @Test
    void passesTheClientsHeadersButNotItsConnectionFraming() {
        ProxyRequest request = request(MockServerHttpRequest.put("/v1/a/c/o")
                .header("Host", "gateway")
                .header("Content-Length", "5")
                .header("Expect", "100-continue")
                .header("Connection", "keep-alive")
                .header("X-Object-Meta-Color", "blue")
                .header("Range", "bytes=1-2"));
        HttpHeaders changes = new HttpHeaders();
        changes.set("Content-Type", "text/plain");

        HttpHeaders headers = NodeHeaders.of(request, changes);

        assertThat(headers.getFirst("X-Object-Meta-Color")).isEqualTo("blue");
        assertThat(headers.getFirst("Range")).isEqualTo("bytes=1-2");
        assertThat(headers.getFirst("Content-Type")).isEqualTo("text/plain");
        assertThat(headers.getFirst("User-Agent")).isEqualTo(BackendHeaders.USER_AGENT);
        assertThat(headers.getFirst("X-Timestamp")).isNotNull();
        assertThat(headers.headerNames()).doesNotContain("Host", "Content-Length", "Expect", "Connection");
    }

    @Test
    void theRequestTimestampIsTheClientsWhenGivenElseNow() {
        HttpHeaders given = new HttpHeaders();
        given.set("X-Timestamp", "1700000000.5");
        long before = Timestamp.now().raw();

        assertThat(NodeHeaders.ensureTimestamp(given).internal()).isEqualTo("1700000000.50000");
        assertThat(NodeHeaders.ensureTimestamp(new HttpHeaders()).raw()).isGreaterThanOrEqualTo(before);
    }

    @Test
    void aBadClientTimestampIs400() {
        HttpHeaders bad = new HttpHeaders();
        bad.set("X-Timestamp", "yesterday");

        assertThatThrownBy(() -> NodeHeaders.ensureTimestamp(bad))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    private static ProxyRequest request(MockServerHttpRequest.BaseBuilder<?> builder) {
        MockServerWebExchange exchange = MockServerWebExchange.from(builder.build());
        return new ProxyRequest(SwiftPath.parse(exchange.getRequest().getPath().value(), List.of("v1")), exchange);
    }
}
