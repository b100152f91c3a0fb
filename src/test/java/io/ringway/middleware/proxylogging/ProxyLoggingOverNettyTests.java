package io.ringway.middleware.proxylogging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ringway.middleware.Middleware;
import io.ringway.middleware.MiddlewareChain;
import io.ringway.storage.node.BackendHttpServer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;

/**
 * The stage on a real Reactor Netty server on loopback: addresses and protocol come from the
 * connection, bodies are Netty buffers (leak detection watches them), and a client that hangs up
 * mid-body is logged as 499.
 */
class ProxyLoggingOverNettyTests {

    static final ProxyLoggingConfig SHORT = ProxyLoggingConfig.defaults().withLogMsgTemplate(
            "{client_ip} {remote_addr} {method} {path} {protocol} {status_int} {bytes_recvd} {bytes_sent}");

    private final ProxyLoggingHarness harness = new ProxyLoggingHarness();
    private DisposableServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.disposeNow();
        }
        harness.close();
    }

    private HttpClient serve(MiddlewareChain chain) {
        Instant now = Instant.now();
        Middleware stage = harness.stage(SHORT, now, now, now);
        // Codecs are made here: their first use reads files, which must not happen on an event loop.
        server = BackendHttpServer.bind(WebHttpHandlerBuilder.webHandler(exchange -> stage.handle(exchange, chain))
                .codecConfigurer(ServerCodecConfigurer.create())
                .build(), "127.0.0.1", 0);
        return HttpClient.create()
                .baseUrl("http://127.0.0.1:" + server.port());
    }

    @Test
    void logsAStreamedPutWithTheConnectionsAddressAndProtocol() {
        HttpClient client = serve(ProxyLoggingHarness.consuming());

        Integer status = client.put()
                .uri("/v1/AUTH_test/c/o")
                .send(ByteBufFlux.fromString(Flux.just("abc", "defgh", "ij")))
                .response((response, body) -> body.then(Mono.just(response.status().code())))
                .blockLast(Duration.ofSeconds(10));

        assertThat(status).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> !harness.lines().isEmpty());
        assertThat(harness.lines()).containsExactly("127.0.0.1 127.0.0.1 PUT /v1/AUTH_test/c/o HTTP/1.1 201 10 -");
    }

    @Test
    void logsAGetBodyAsItWasSent() {
        HttpClient client = serve(ProxyLoggingHarness.answering(HttpStatus.OK, "hello ", "world"));

        String body = client.get()
                .uri("/v1/AUTH_test/c/o")
                .responseContent()
                .aggregate()
                .asString()
                .block(Duration.ofSeconds(10));

        assertThat(body).isEqualTo("hello world");
        await().atMost(Duration.ofSeconds(10)).until(() -> !harness.lines().isEmpty());
        assertThat(harness.lines()).containsExactly("127.0.0.1 127.0.0.1 GET /v1/AUTH_test/c/o HTTP/1.1 200 - 11");
    }

    @Test
    void logs499WhenTheClientHangsUpMidBody() {
        MiddlewareChain endless = exchange -> {
            exchange.getResponse().setStatusCode(HttpStatus.OK);
            return exchange.getResponse().writeWith(Flux.range(0, Integer.MAX_VALUE)
                    .delayElements(Duration.ofMillis(2))
                    .map(tick -> exchange.getResponse().bufferFactory().wrap(
                            "0123456789".getBytes(StandardCharsets.US_ASCII)))
                    .doOnDiscard(DataBuffer.class, DataBufferUtils::release));
        };
        HttpClient client = serve(endless);

        byte[] first = client.get()
                .uri("/v1/AUTH_test/c/big")
                .responseContent()
                .asByteArray()
                .blockFirst(Duration.ofSeconds(10));

        assertThat(first).isNotEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> !harness.lines().isEmpty());
        assertThat(harness.lines().get(0)).startsWith("127.0.0.1 127.0.0.1 GET /v1/AUTH_test/c/big HTTP/1.1 499 - ");
        assertThat(harness.registry.get("ringway.requests").tags("outcome", "client_cancelled").timer().count())
                .isEqualTo(1);
    }
}
