package io.ringway.middleware.proxylogging;

import static io.ringway.middleware.proxylogging.ProxyLoggingHarness.answering;
import static io.ringway.middleware.proxylogging.ProxyLoggingHarness.buffer;
import static io.ringway.middleware.proxylogging.ProxyLoggingHarness.consuming;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.UnpooledByteBufAllocator;
import io.ringway.middleware.Middleware;
import io.ringway.middleware.MiddlewareChain;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;
import io.ringway.api.error.GatewayException;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;
import reactor.test.StepVerifier;

/** When the line is written and what it counts, for bodies that stream, fail or are cancelled. */
class ProxyLoggingStreamingTests {

    static final ProxyLoggingConfig SHORT = ProxyLoggingConfig.defaults()
            .withLogMsgTemplate("{method} {status_int} {wire_status_int} {bytes_recvd} {bytes_sent}");

    private final ProxyLoggingHarness harness = new ProxyLoggingHarness();
    private final Middleware stage = harness.stage(SHORT);
    // Pooled-like Netty buffers, so that paranoid leak detection sees a buffer we failed to release.
    private final NettyDataBufferFactory netty = new NettyDataBufferFactory(UnpooledByteBufAllocator.DEFAULT);

    @AfterEach
    void detach() {
        harness.close();
    }

    private Flux<DataBuffer> chunks(String... texts) {
        return Flux.fromArray(texts)
                .map(text -> netty.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    private Mono<Void> handle(MockServerHttpRequest request, MiddlewareChain chain) {
        return stage.handle(MockServerWebExchange.from(request), chain);
    }

    @Test
    void countsRequestBodyBytesAsTheyStream() {
        StepVerifier.create(handle(MockServerHttpRequest.put("/v1/a/c/o").body(chunks("abc", "defgh", "ij")), consuming()))
                .verifyComplete();

        assertThat(harness.lines()).containsExactly("PUT 201 201 10 -");
    }

    @Test
    void countsResponseBodyBytesOfEveryChunk() {
        StepVerifier.create(handle(MockServerHttpRequest.get("/v1/a/c/o").build(),
                        answering(HttpStatus.OK, "hello ", "streaming ", "world")))
                .verifyComplete();

        assertThat(harness.lines()).containsExactly("GET 200 200 - 21");
    }

    @Test
    void countsBytesWrittenWithFlushes() {
        MiddlewareChain flushing = exchange -> exchange.getResponse().writeAndFlushWith(Flux.just(
                Flux.just(buffer(exchange, "ab"), buffer(exchange, "c")),
                Flux.just(buffer(exchange, "defg"))));

        StepVerifier.create(handle(MockServerHttpRequest.get("/v1/a/c/o").build(), flushing))
                .verifyComplete();

        assertThat(harness.lines()).containsExactly("GET 200 200 - 7");
    }

    @Test
    void logsNoBodyBytesForHead() {
        StepVerifier.create(handle(MockServerHttpRequest.head("/v1/a/c/o").build(), answering(HttpStatus.OK, "12345")))
                .verifyComplete();

        assertThat(harness.lines()).containsExactly("HEAD 200 200 - -");
    }

    @Test
    void logs499WhenTheClientGoesAwayMidBody() {
        MiddlewareChain hanging = exchange -> exchange.getResponse().writeWith(Flux.concat(
                Flux.just(buffer(exchange, "first")), Flux.never()));

        Disposable response = handle(MockServerHttpRequest.get("/v1/a/c/o").build(), hanging).subscribe();
        assertThat(harness.lines()).isEmpty();
        response.dispose();

        assertThat(harness.lines()).containsExactly("GET 499 200 - 5");
    }

    @Test
    void logs499WhenTheConnectionIsResetWhileWriting() {
        MiddlewareChain aborted = exchange -> exchange.getResponse().writeWith(Flux.concat(
                Flux.just(buffer(exchange, "abc")), Flux.error(new AbortedException("Connection has been closed"))));

        StepVerifier.create(handle(MockServerHttpRequest.get("/v1/a/c/o").build(), aborted))
                .verifyError(AbortedException.class);

        assertThat(harness.lines()).containsExactly("GET 499 200 - 3");
    }

    @Test
    void logs499WhenReadingTheRequestBodyFails() {
        Flux<DataBuffer> broken = Flux.concat(chunks("abcd"), Flux.error(new IllegalStateException("reset")));

        StepVerifier.create(handle(MockServerHttpRequest.put("/v1/a/c/o").body(broken), consuming()))
                .verifyError(IllegalStateException.class);

        assertThat(harness.lines()).containsExactly("PUT 499 200 4 -");
    }

    @Test
    void logs500WhenTheBodyFailsAfterItStarted() {
        MiddlewareChain failing = exchange -> exchange.getResponse().writeWith(Flux.concat(
                Flux.just(buffer(exchange, "partial")), Flux.error(new IllegalStateException("backend broke"))));

        StepVerifier.create(handle(MockServerHttpRequest.get("/v1/a/c/o").build(), failing))
                .verifyError(IllegalStateException.class);

        assertThat(harness.lines()).containsExactly("GET 500 200 - 7");
    }

    @Test
    void logs500WhenThePipelineFailsBeforeAnswering() {
        StepVerifier.create(handle(MockServerHttpRequest.delete("/v1/a/c/o").build(),
                        exchange -> Mono.error(new IllegalStateException("surprise"))))
                .verifyError(IllegalStateException.class);

        assertThat(harness.lines()).containsExactly("DELETE 500 200 - -");
    }

    @Test
    void logsTheStatusOfAnErrorResponseRaisedBeforeAnswering() {
        StepVerifier.create(handle(MockServerHttpRequest.get("/v1/a/c/missing").build(),
                        exchange -> Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND))))
                .verifyError(ResponseStatusException.class);

        assertThat(harness.lines()).containsExactly("GET 404 200 - -");
    }

    @Test
    void logsTheStatusOfASwiftErrorRaisedBeforeAnswering() {
        StepVerifier.create(handle(MockServerHttpRequest.put("/v1/a/c/o").build(),
                        exchange -> Mono.error(GatewayException.withBody(400, "Non-integer X-Delete-At"))))
                .verifyError(GatewayException.class);

        assertThat(harness.lines()).containsExactly("PUT 400 200 - -");
    }

    @Test
    void logsAnEmptyResponse() {
        MiddlewareChain noContent = exchange -> {
            exchange.getResponse().setStatusCode(HttpStatus.NO_CONTENT);
            return exchange.getResponse().setComplete();
        };

        StepVerifier.create(handle(MockServerHttpRequest.post("/v1/a/c").build(), noContent))
                .verifyComplete();

        assertThat(harness.lines()).containsExactly("POST 204 204 - -");
    }
}
