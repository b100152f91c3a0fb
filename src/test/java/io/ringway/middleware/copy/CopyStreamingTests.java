package io.ringway.middleware.copy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.api.error.GatewayException;
import io.ringway.middleware.RequestContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/** The copy's two requests: the auth stage's hook on each, and a client that goes away mid-copy. */
class CopyStreamingTests {

    private final CopyHarness harness = new CopyHarness();
    private final FakeSwift swift = harness.swift;
    private final List<String> checked = new ArrayList<>();

    @Test
    void asksTheHookAboutTheSourceOfAPutWhoseOwnPathTheAuthStageSaw() {
        swift.object("/v1/a1/c1/o1", "x");
        harness.authorize = request -> {
            checked.add(request.getMethod() + " " + request.getPath().value());
            return Mono.empty();
        };

        harness.run("PUT", "/v1/a2/c2/o2", "X-Copy-From", "c1/o1", "X-Copy-From-Account", "a1");

        assertThat(checked).containsExactly("GET /v1/a1/c1/o1");
        assertThat(swift.requests()).containsExactly("GET /v1/a1/c1/o1", "PUT /v1/a2/c2/o2");
    }

    @Test
    void asksTheHookAboutBothRequestsOfACopy() {
        swift.object("/v1/a/c/o", "x");
        harness.authorize = request -> {
            checked.add(request.getMethod() + " " + request.getPath().value());
            return Mono.empty();
        };

        harness.run("COPY", "/v1/a/c/o", "Destination", "c2/o 2", "Destination-Account", "a2");

        assertThat(checked).containsExactly("GET /v1/a/c/o", "PUT /v1/a2/c2/o%202");
    }

    @Test
    void refusesWhenTheSourceMayNotBeReadWithoutReadingIt() {
        swift.object("/v1/a/secret/o", "x");
        harness.authorize = request -> request.getMethod().name().equals("GET")
                ? Mono.error(GatewayException.status(403))
                : Mono.empty();

        CopyHarness.Result result = harness.run("PUT", "/v1/a/mine/o", "X-Copy-From", "secret/o");

        assertThat(result.status()).isEqualTo(403);
        assertThat(result.body()).isEqualTo("<html><h1>Forbidden</h1><p>Access was denied to this resource.</p></html>");
        assertThat(swift.calls).isEmpty();
    }

    @Test
    void refusesACopyToADestinationTheUserMayNotWriteAndClosesTheSource() {
        swift.object("/v1/a/c/o", "x");
        harness.authorize = request -> request.getMethod().name().equals("PUT")
                ? Mono.error(GatewayException.status(403))
                : Mono.empty();

        CopyHarness.Result result = harness.run("COPY", "/v1/a/c/o", "Destination", "theirs/o");

        assertThat(result.status()).isEqualTo(403);
        assertThat(swift.requests()).containsExactly("GET /v1/a/c/o");
        assertThat(swift.sourceEnds).containsExactly(SignalType.CANCEL);
    }

    @Test
    void aClientGoingAwayMidCopyCancelsBothRequestsAndReleasesEveryBuffer() {
        swift.object("/v1/a/c/o", "a body of many small chunks");
        swift.putStallsAfterFirstBuffer = true;
        MockServerWebExchange exchange = MockServerWebExchange.from(
                CopyHarness.request("PUT", "/v1/a/c/o2", "X-Copy-From", "c/o"));
        RequestContext.of(exchange).transactionId("tx");

        Disposable copy = harness.copy.handle(exchange, swift).subscribe();
        assertThat(swift.requests()).containsExactly("GET /v1/a/c/o", "PUT /v1/a/c/o2");
        assertThat(swift.sourceEnds).isEmpty();

        copy.dispose();

        assertThat(swift.sourceEnds).containsExactly(SignalType.CANCEL);
        assertThat(swift.allReleased()).isTrue();
        assertThat(RequestContext.of(exchange).swiftSource()).isNull();
    }
}
