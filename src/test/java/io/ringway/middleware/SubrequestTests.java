package io.ringway.middleware;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.PooledByteBufAllocator;
import io.ringway.api.error.GatewayException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.core.io.buffer.PooledDataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/** Subrequests through a fake rest of the pipeline that streams pooled Netty buffers. */
class SubrequestTests {

    private final NettyDataBufferFactory buffers = new NettyDataBufferFactory(PooledByteBufAllocator.DEFAULT);
    private final List<DataBuffer> made = new ArrayList<>();
    private final List<SignalType> innerEnds = new ArrayList<>();
    private final List<SignalType> bodyEnds = new ArrayList<>();

    private final MockServerWebExchange client = MockServerWebExchange.from(MockServerHttpRequest
            .put("http://proxy:8080/v1/AUTH_a/c/o?x=1")
            .header("X-Auth-Token", "tk")
            .header("Referer", "http://example.com/")
            .header("Content-Length", "0"));

    @Test
    void capturesTheAnswerAndStreamsItsBodyWithoutTouchingTheClientsResponse() {
        RecordingChain chain = RecordingChain.answering(exchange -> answer(exchange, 200, "abc", "def"));
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Newest", "true");

        String body = Subrequest.of(HttpMethod.GET, "/v1/AUTH_a/c/o%20x", "format=raw", headers, "SSC")
                .send(client, chain, response -> {
                    assertThat(response.status()).isEqualTo(200);
                    assertThat(response.headers().getFirst("X-Object-Meta-Color")).isEqualTo("blue");
                    return DataBufferUtils.join(response.body())
                            .map(SubrequestTests::text);
                })
                .block();

        assertThat(body).isEqualTo("abcdef");
        ServerWebExchange sent = chain.last();
        assertThat(sent.getRequest().getMethod()).isEqualTo(HttpMethod.GET);
        assertThat(sent.getRequest().getURI().getRawPath()).isEqualTo("/v1/AUTH_a/c/o%20x");
        assertThat(sent.getRequest().getURI().getRawQuery()).isEqualTo("format=raw");
        assertThat(sent.getRequest().getHeaders().getFirst("X-Newest")).isEqualTo("true");
        assertThat(sent.getRequest().getHeaders().getFirst("Referer")).isEqualTo("http://example.com/");
        assertThat(sent.getRequest().getHeaders().getFirst("User-Agent")).isEqualTo("Swift");
        assertThat(sent.getRequest().getHeaders().containsHeader("X-Auth-Token")).isFalse();
        assertThat(sent.getRequest().getHeaders().containsHeader("Content-Length")).isFalse();
        assertThat(client.getResponse().getStatusCode()).isNull();
        assertThat(client.getResponse().isCommitted()).isFalse();
        assertReleased();
    }

    @Test
    void givesTheSubrequestItsOwnContextCarryingUserAndTransactionId() {
        RequestContext parent = RequestContext.of(client);
        parent.transactionId("tx1");
        parent.identity(new RequestContext.Identity("a:u", List.of("a", "a:u")));
        parent.swiftOwner(true);
        parent.accessLogMade(true);
        RecordingChain chain = RecordingChain.answering(exchange -> exchange.getResponse().setComplete());

        send(Subrequest.of(HttpMethod.HEAD, "/v1/AUTH_a/c/o", null, HttpHeaders.EMPTY, "SSC"), chain);

        RequestContext child = RequestContext.of(chain.last());
        assertThat(child).isNotSameAs(parent);
        assertThat(child.transactionId()).isEqualTo("tx1");
        assertThat(child.identity()).isEqualTo(parent.identity());
        assertThat(child.swiftSource()).isEqualTo("SSC");
        assertThat(child.swiftOwner()).isFalse();
        assertThat(child.accessLogMade()).isFalse();
        assertThat(parent.swiftSource()).isNull();
        assertThat(RequestContext.of(client)).isSameAs(parent);
    }

    @Test
    void asksTheAuthorizeHookFirstAndSendsNothingWhenRefused() {
        List<String> asked = new ArrayList<>();
        RequestContext.of(client).authorize(request -> {
            asked.add(request.getMethod() + " " + request.getPath().value());
            return Mono.error(GatewayException.status(403));
        });
        RecordingChain chain = RecordingChain.completing();

        StepVerifier.create(Subrequest.of(HttpMethod.GET, "/v1/AUTH_b/c/o", null, HttpHeaders.EMPTY, "SSC")
                        .send(client, chain))
                .expectErrorSatisfies(error -> assertThat(((GatewayException) error).status()).isEqualTo(403))
                .verify();

        assertThat(asked).containsExactly("GET /v1/AUTH_b/c/o");
        assertThat(chain.calls()).isEmpty();
    }

    @Test
    void passesTheHookOnSoThatSubrequestsOfSubrequestsAreCheckedToo() {
        Authorize allowAll = request -> Mono.empty();
        RequestContext.of(client).authorize(allowAll);
        RecordingChain chain = RecordingChain.completing();

        send(Subrequest.of(HttpMethod.GET, "/v1/AUTH_a/c/o", null, HttpHeaders.EMPTY, "SSC"), chain);

        assertThat(RequestContext.of(chain.last()).authorize()).isSameAs(allowAll);
        assertThat(RequestContext.of(chain.last()).authorizeOverride()).isFalse();
    }

    @Test
    void preAuthorizedSubrequestsSkipTheHookAndCarryTheOverride() {
        RequestContext.of(client).authorize(request -> Mono.error(GatewayException.status(403)));
        RecordingChain chain = RecordingChain.completing();

        SubResponse response = send(Subrequest.of(HttpMethod.GET, "/v1/AUTH_a/c/o", null, HttpHeaders.EMPTY, "VW")
                .preAuthorized(), chain);

        assertThat(response.status()).isEqualTo(200);
        assertThat(RequestContext.of(chain.last()).authorizeOverride()).isTrue();
        assertThat(RequestContext.of(chain.last()).authorize()).isNull();
    }

    @Test
    void answersAnInnerGatewayExceptionAsTheErrorOfSend() {
        RecordingChain chain = RecordingChain.answering(exchange -> Mono.error(GatewayException.status(404)));

        StepVerifier.create(Subrequest.of(HttpMethod.GET, "/v1/AUTH_a/c/o", null, HttpHeaders.EMPTY, "SSC")
                        .send(client, chain))
                .expectErrorSatisfies(error -> assertThat(((GatewayException) error).status()).isEqualTo(404))
                .verify();
    }

    @Test
    void answersAStageThatWroteNothingAsAnEmpty200() {
        RecordingChain chain = RecordingChain.answering(exchange -> Mono.empty());

        SubResponse response = send(Subrequest.of(HttpMethod.GET, "/v1/AUTH_a/c/o", null, HttpHeaders.EMPTY, "SSC"),
                chain);

        assertThat(response.status()).isEqualTo(200);
        StepVerifier.create(response.body()).verifyComplete();
    }

    @Test
    void endsTheInnerRequestOnlyWhenItsBodyHasBeenConsumed() {
        RecordingChain chain = RecordingChain.answering(exchange -> answer(exchange, 200, "abc")
                .doFinally(innerEnds::add));

        SubResponse response = send(Subrequest.of(HttpMethod.GET, "/v1/AUTH_a/c/o", null, HttpHeaders.EMPTY, "SSC"),
                chain);
        assertThat(innerEnds).isEmpty();

        StepVerifier.create(response.body().map(SubrequestTests::text)).expectNext("abc").verifyComplete();

        assertThat(innerEnds).containsExactly(SignalType.ON_COMPLETE);
        assertReleased();
    }

    @Test
    void releaseClosesAnUnreadBodyCancellingTheInnerRequestAndFreeingHeldBuffers() {
        RecordingChain chain = RecordingChain.answering(exchange -> {
            exchange.getResponse().setStatusCode(HttpStatus.OK);
            // A body whose buffers exist before anyone asks for them.
            Flux<DataBuffer> held = Flux.fromIterable(List.of(buffer("held1"), buffer("held2")))
                    .doFinally(bodyEnds::add);
            return exchange.getResponse().writeWith(held).doFinally(innerEnds::add);
        });

        SubResponse response = send(Subrequest.of(HttpMethod.GET, "/v1/AUTH_a/c/o", null, HttpHeaders.EMPTY, "SSC"),
                chain);
        response.release().block();

        assertThat(bodyEnds).containsExactly(SignalType.CANCEL);
        assertThat(innerEnds).containsExactly(SignalType.CANCEL);
        assertReleased();
        response.release().block();
    }

    @Test
    void releasesTheBodyWhenTheUserOfTheAnswerFailsWithoutTakingIt() {
        RecordingChain chain = RecordingChain.answering(exchange -> answer(exchange, 200, "abc", "def")
                .doFinally(innerEnds::add));

        StepVerifier.create(Subrequest.of(HttpMethod.GET, "/v1/AUTH_a/c/o", null, HttpHeaders.EMPTY, "SSC")
                        .send(client, chain, response -> Mono.error(new IllegalStateException("boom"))))
                .expectErrorMessage("boom")
                .verify();

        assertThat(innerEnds).containsExactly(SignalType.CANCEL);
        assertReleased();
    }

    @Test
    void cancellingBeforeTheAnswerCancelsTheInnerRequest() {
        Sinks.Empty<Void> never = Sinks.empty();
        RecordingChain chain = RecordingChain.answering(exchange -> never.asMono().doFinally(innerEnds::add));

        Subrequest.of(HttpMethod.GET, "/v1/AUTH_a/c/o", null, HttpHeaders.EMPTY, "SSC")
                .send(client, chain)
                .subscribe()
                .dispose();
        assertThat(innerEnds).containsExactly(SignalType.CANCEL);
        innerEnds.clear();

        Subrequest.of(HttpMethod.GET, "/v1/AUTH_a/c/o", null, HttpHeaders.EMPTY, "SSC")
                .send(client, chain, response -> Mono.just(1))
                .subscribe()
                .dispose();
        assertThat(innerEnds).containsExactly(SignalType.CANCEL);
    }

    @Test
    void sendsABodyWithItsContentLength() {
        AtomicReference<String> received = new AtomicReference<>();
        RecordingChain chain = RecordingChain.answering(exchange -> DataBufferUtils.join(exchange.getRequest().getBody())
                .map(SubrequestTests::text)
                .doOnNext(received::set)
                .then(Mono.defer(() -> {
                    exchange.getResponse().setStatusCode(HttpStatus.CREATED);
                    return exchange.getResponse().setComplete();
                })));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentLength(6);

        SubResponse response = send(Subrequest.of(HttpMethod.PUT, "/v1/AUTH_a/c/o2", null, headers, "SSC")
                .withBody(Flux.just(buffer("abc"), buffer("def"))), chain);

        assertThat(response.status()).isEqualTo(201);
        assertThat(received.get()).isEqualTo("abcdef");
        assertThat(chain.last().getRequest().getHeaders().getContentLength()).isEqualTo(6);
        response.release().block();
        assertReleased();
    }

    @Test
    void refusesASecondTakeOfTheBody() {
        RecordingChain chain = RecordingChain.completing();
        SubResponse response = send(Subrequest.of(HttpMethod.GET, "/v1/AUTH_a/c/o", null, HttpHeaders.EMPTY, "SSC"),
                chain);

        response.body().blockLast();

        org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(response::body);
    }

    private SubResponse send(Subrequest subrequest, MiddlewareChain chain) {
        SubResponse response = subrequest.send(client, chain).block();
        assertThat(response).isNotNull();
        return response;
    }

    private Mono<Void> answer(ServerWebExchange exchange, int status, String... chunks) {
        exchange.getResponse().setStatusCode(HttpStatus.valueOf(status));
        exchange.getResponse().getHeaders().set("X-Object-Meta-Color", "blue");
        // Buffers are made as they are asked for, as a storage node's connection gives them.
        Flux<DataBuffer> body = Flux.fromArray(chunks)
                .map(this::buffer)
                .doFinally(bodyEnds::add);
        return exchange.getResponse().writeWith(body);
    }

    private DataBuffer buffer(String text) {
        DataBuffer buffer = buffers.wrap(PooledByteBufAllocator.DEFAULT.buffer().writeBytes(text.getBytes(StandardCharsets.UTF_8)));
        made.add(buffer);
        return buffer;
    }

    private void assertReleased() {
        assertThat(made).allSatisfy(buffer -> assertThat(((PooledDataBuffer) buffer).isAllocated()).isFalse());
    }

    private static String text(DataBuffer buffer) {
        String text = buffer.toString(StandardCharsets.UTF_8);
        DataBufferUtils.release(buffer);
        return text;
    }
}
