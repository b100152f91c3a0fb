package io.ringway.middleware.catcherrors;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.api.error.GatewayException;
import io.ringway.middleware.Middleware;
import io.ringway.middleware.Placement;
import io.ringway.middleware.RecordingChain;
import io.ringway.middleware.RequestContext;
import io.ringway.middleware.StageTesting;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** catch_errors alone, built through its factory, in front of a recording chain. */
class CatchErrorsMiddlewareTests {

    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
    private static final UUID UUID_HEX = UUID.fromString("01234567-89ab-cdef-0123-456789abcdef");
    private static final String TX = "tx0123456789abcdef01234-006553f100";

    private final CatchErrorsFactory factory = new CatchErrorsFactory(CLOCK, () -> UUID_HEX);

    @Test
    void mustBeFirstAndIsAddedWhenMissing() {
        assertThat(factory.name()).isEqualTo("catch_errors");
        assertThat(factory.placement()).isEqualTo(Placement.requiredFirst());
    }

    @Test
    void givesEachRequestASwiftTransactionIdInContextAndResponseHeaders() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/v1/AUTH_a"));
        RecordingChain chain = RecordingChain.completing();

        StepVerifier.create(stage(Map.of()).handle(exchange, chain)).verifyComplete();

        assertThat(RequestContext.of(chain.calls().get(0)).transactionId()).isEqualTo(TX);
        assertThat(exchange.getResponse().getHeaders().getFirst("X-Trans-Id")).isEqualTo(TX);
        assertThat(exchange.getResponse().getHeaders().getFirst("X-Openstack-Request-Id")).isEqualTo(TX);
    }

    @Test
    void appendsTheQuotedSuffixAndTheFirst32CharactersOfTransIdExtra() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/")
                .header("X-Trans-Id-Extra", "a b/ü~*" + "x".repeat(40)));

        StepVerifier.create(stage(Map.of("ringway.middleware.catch_errors.trans_id_suffix", "-east"))
                .handle(exchange, RecordingChain.completing())).verifyComplete();

        // Python's quote('-east-' + extra[:32]), as Swift's generate_trans_id.
        assertThat(RequestContext.of(exchange).transactionId())
                .isEqualTo(TX + "-east-a%20b/%C3%BC~%2A" + "x".repeat(25));
    }

    @Test
    void setsTheHeadersAlsoWhenALaterStageRemovedThem() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/"));
        RecordingChain chain = RecordingChain.answering(next -> {
            next.getResponse().getHeaders().clear();
            return next.getResponse().setComplete();
        });

        StepVerifier.create(stage(Map.of()).handle(exchange, chain)).verifyComplete();

        assertThat(exchange.getResponse().getHeaders().getFirst("X-Trans-Id")).isEqualTo(TX);
    }

    @Test
    void datesEveryResponseAsSwiftsServerDoesUnlessAStageDid() {
        CatchErrorsFactory fifth = new CatchErrorsFactory(
                Clock.fixed(Instant.parse("2023-11-05T08:09:10Z"), ZoneOffset.UTC), () -> UUID_HEX);
        MockServerWebExchange plain = MockServerWebExchange.from(MockServerHttpRequest.get("/healthcheck"));
        MockServerWebExchange dated = MockServerWebExchange.from(MockServerHttpRequest.get("/v1/AUTH_a"));
        RecordingChain dating = RecordingChain.answering(next -> {
            next.getResponse().getHeaders().set("Date", "Sat, 04 Nov 2023 00:00:00 GMT");
            return next.getResponse().setComplete();
        });

        StepVerifier.create(StageTesting.create(fifth, Map.of()).handle(plain, RecordingChain.completing()))
                .verifyComplete();
        StepVerifier.create(StageTesting.create(fifth, Map.of()).handle(dated, dating)).verifyComplete();

        assertThat(plain.getResponse().getHeaders().getFirst("Date")).isEqualTo("Sun, 05 Nov 2023 08:09:10 GMT");
        assertThat(dated.getResponse().getHeaders().getFirst("Date")).isEqualTo("Sat, 04 Nov 2023 00:00:00 GMT");
    }

    @Test
    void answersAHeadWithoutALengthWithContentLengthZeroAsSwiftsServerDoes() {
        MockServerWebExchange head = MockServerWebExchange.from(MockServerHttpRequest.head("/v1/AUTH_a"));
        MockServerWebExchange headWithLength = MockServerWebExchange.from(MockServerHttpRequest.head("/v1/AUTH_a/c/o"));
        MockServerWebExchange get = MockServerWebExchange.from(MockServerHttpRequest.get("/v1/AUTH_a"));
        RecordingChain sized = RecordingChain.answering(next -> {
            next.getResponse().getHeaders().setContentLength(1234);
            return next.getResponse().setComplete();
        });

        // As Reactor Netty's response headers begin.
        head.getResponse().getHeaders().set("Transfer-Encoding", "chunked");

        StepVerifier.create(stage(Map.of()).handle(head, RecordingChain.completing())).verifyComplete();
        StepVerifier.create(stage(Map.of()).handle(headWithLength, sized)).verifyComplete();
        StepVerifier.create(stage(Map.of()).handle(get, RecordingChain.completing())).verifyComplete();

        assertThat(head.getResponse().getHeaders().getFirst("Content-Length")).isEqualTo("0");
        assertThat(head.getResponse().getHeaders().getFirst("Transfer-Encoding")).isNull();
        assertThat(headWithLength.getResponse().getHeaders().getFirst("Content-Length")).isEqualTo("1234");
        assertThat(get.getResponse().getHeaders().getFirst("Content-Length")).isNull();
    }

    @Test
    void turnsAnUnexpectedErrorIntoA500WithSwiftsBody() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/"));
        RecordingChain chain = RecordingChain.answering(next -> {
            throw new IllegalStateException("bug");
        });

        StepVerifier.create(stage(Map.of()).handle(exchange, chain))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(GatewayException.class).hasRootCauseMessage("bug");
                    GatewayException gateway = (GatewayException) error;
                    assertThat(gateway.status()).isEqualTo(500);
                    assertThat(gateway.body()).isEqualTo("An error occurred");
                    assertThat(gateway.contentType()).isEqualTo("text/plain");
                })
                .verify();
    }

    @Test
    void passesGatewayExceptionsOnToTheExceptionHandler() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/"));
        GatewayException notFound = GatewayException.status(404);

        StepVerifier.create(stage(Map.of()).handle(exchange, RecordingChain.answering(next -> Mono.error(notFound))))
                .expectErrorSatisfies(error -> assertThat(error).isSameAs(notFound))
                .verify();
    }

    @Test
    void passesAnErrorAfterTheResponseStartedOnUnchangedSoTheConnectionIsClosed() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/"));
        IllegalStateException broken = new IllegalStateException("backend went away mid-body");
        RecordingChain chain = RecordingChain.answering(next -> next.getResponse().setComplete()
                .then(Mono.error(broken)));

        StepVerifier.create(stage(Map.of()).handle(exchange, chain))
                .expectErrorSatisfies(error -> assertThat(error).isSameAs(broken))
                .verify();
    }

    private Middleware stage(Map<String, Object> properties) {
        return StageTesting.create(factory, properties);
    }

}
