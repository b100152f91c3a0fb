package io.ringway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.api.swift.SwiftPath;
import io.ringway.middleware.RequestContext;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class BackendHeadersTests {

    private static final BackendHeaders.Transfer CONTAINER = new BackendHeaders.Transfer("container",
            Set.of("x-container-read", "x-versions-location"),
            Set.of("x-remove-container-read", "x-remove-versions-location"));

    @Test
    void addsTimestampTransactionIdUserAgentAndReferer() {
        ProxyRequest request = request(MockServerHttpRequest.post("http://proxy/v1/a/c?x=1"));
        RequestContext.of(request.exchange()).transactionId("tx123");

        HttpHeaders headers = BackendHeaders.generate(request, new HttpHeaders(), BackendHeaders.Transfer.NONE);

        assertThat(headers.getFirst("X-Timestamp")).matches("\\d{10}\\.\\d{5}");
        assertThat(headers.getFirst("X-Trans-Id")).isEqualTo("tx123");
        assertThat(headers.getFirst("User-Agent")).isEqualTo(BackendHeaders.USER_AGENT).startsWith("proxy-server ");
        assertThat(headers.getFirst("Referer")).isEqualTo("POST http://proxy/v1/a/c?x=1");
    }

    @Test
    void keepsTheCallersTimestampButNotItsTransactionIdOrUserAgent() {
        ProxyRequest request = request(MockServerHttpRequest.put("/v1/a/c"));
        HttpHeaders additional = new HttpHeaders();
        additional.set("X-Timestamp", "0000000001.00000");
        additional.set("User-Agent", "mine");
        additional.set("X-Backend-Storage-Policy-Index", "1");

        HttpHeaders headers = BackendHeaders.generate(request, additional, BackendHeaders.Transfer.NONE);

        assertThat(headers.getFirst("X-Timestamp")).isEqualTo("0000000001.00000");
        assertThat(headers.getFirst("User-Agent")).isEqualTo(BackendHeaders.USER_AGENT);
        assertThat(headers.getFirst("X-Backend-Storage-Policy-Index")).isEqualTo("1");
    }

    @Test
    void transfersTheTypesMetadataPassThroughHeadersAndRemovals() {
        ProxyRequest request = request(MockServerHttpRequest.post("/v1/a/c")
                .header("X-Container-Meta-Color", "blue")
                .header("X-Container-Sysmeta-Internal", "s")
                .header("X-Remove-Container-Meta-Size", "x")
                .header("X-Container-Read", ".r:*")
                .header("X-Remove-Versions-Location", "x")
                .header("X-Account-Meta-Other", "no")
                .header("X-Object-Meta-Other", "no")
                .header("Content-Type", "text/plain"));

        HttpHeaders headers = BackendHeaders.generate(request, new HttpHeaders(), CONTAINER);

        assertThat(headers.getFirst("x-container-meta-color")).isEqualTo("blue");
        assertThat(headers.getFirst("x-container-sysmeta-internal")).isEqualTo("s");
        assertThat(headers.getFirst("x-container-meta-size")).isEmpty();
        assertThat(headers.getFirst("x-container-read")).isEqualTo(".r:*");
        assertThat(headers.getFirst("x-versions-location")).isEmpty();
        assertThat(headers.containsHeader("X-Account-Meta-Other")).isFalse();
        assertThat(headers.containsHeader("X-Object-Meta-Other")).isFalse();
        assertThat(headers.containsHeader("Content-Type")).isFalse();
    }

    @Test
    void aValueSentWithItsRemovalWins() {
        ProxyRequest request = request(MockServerHttpRequest.post("/v1/a/c")
                .header("X-Remove-Container-Meta-Color", "x")
                .header("X-Container-Meta-Color", "red"));

        HttpHeaders headers = BackendHeaders.generate(request, new HttpHeaders(), CONTAINER);

        assertThat(headers.get("x-container-meta-color")).isEqualTo(List.of("red"));
    }

    @Test
    void passesNoClientHeaderWithoutATransfer() {
        ProxyRequest request = request(MockServerHttpRequest.post("/v1/a").header("X-Account-Meta-A", "b"));

        HttpHeaders headers = BackendHeaders.generate(request, new HttpHeaders(), BackendHeaders.Transfer.NONE);

        assertThat(headers.containsHeader("X-Account-Meta-A")).isFalse();
    }

    @Test
    void clientHeadersLeaveOutThoseOfTheConnection() {
        HttpHeaders client = new HttpHeaders();
        client.set("Host", "proxy");
        client.set("Connection", "keep-alive");
        client.set("Content-Length", "0");
        client.set("Transfer-Encoding", "chunked");
        client.set("X-Newest", "true");
        client.set("Accept", "application/json");

        HttpHeaders headers = BackendHeaders.clientHeaders(client);

        assertThat(headers.headerNames()).containsExactlyInAnyOrder("X-Newest", "Accept");
    }

    private static ProxyRequest request(MockServerHttpRequest.BaseBuilder<?> builder) {
        MockServerWebExchange exchange = MockServerWebExchange.from(builder);
        SwiftPath path = SwiftPath.parse(exchange.getRequest().getPath().value(), List.of("v1"));
        return new ProxyRequest(path, exchange);
    }
}
