package io.ringway.api.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;
import reactor.test.StepVerifier;

/** Error answers in Swift's dialect, always with the transaction id. */
class SwiftExceptionHandlerTests {

    private static final String TX = "tx0123456789abcdef01234-006553f100";

    private final SwiftExceptionHandler handler = new SwiftExceptionHandler(exchange -> TX);

    @Test
    void rendersSwiftsDefaultBodyWithTheTransactionId() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/v1/a/c"));

        StepVerifier.create(handler.handle(exchange, GatewayException.status(404))).verifyComplete();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        HttpHeaders headers = exchange.getResponse().getHeaders();
        assertThat(headers.getFirst("Content-Type")).isEqualTo("text/html; charset=UTF-8");
        assertThat(headers.getFirst("X-Trans-Id")).isEqualTo(TX);
        assertThat(headers.getFirst("X-Openstack-Request-Id")).isEqualTo(TX);
        assertThat(headers.getContentLength()).isEqualTo(70);
        assertThat(exchange.getResponse().getBodyAsString().block())
                .isEqualTo("<html><h1>Not Found</h1><p>The resource could not be found.</p></html>");
    }

    @Test
    void rendersSpringsOwnStatusErrorsAsSwiftWould() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("//nowhere"));

        StepVerifier.create(handler.handle(exchange, new ResponseStatusException(HttpStatus.METHOD_NOT_ALLOWED)))
                .verifyComplete();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(exchange.getResponse().getBodyAsString().block())
                .isEqualTo("<html><h1>Method Not Allowed</h1><p>The method is not allowed for this resource.</p></html>");
    }

    @Test
    void sendsTheExceptionsBodyAndHeadersAndDropsHeadersSetBeforeTheFailure() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/v1/a"));
        exchange.getResponse().getHeaders().setContentLength(12345);
        HttpHeaders extra = new HttpHeaders();
        extra.set("Www-Authenticate", "Swift realm=\"AUTH_a\"");

        StepVerifier.create(handler.handle(exchange, new GatewayException(401, "Unauthorized", "text/plain", extra,
                null))).verifyComplete();

        HttpHeaders headers = exchange.getResponse().getHeaders();
        assertThat(headers.getContentLength()).isEqualTo(12);
        assertThat(headers.getFirst("Www-Authenticate")).isEqualTo("Swift realm=\"AUTH_a\"");
        assertThat(headers.getFirst("Content-Type")).isEqualTo("text/plain");
        assertThat(exchange.getResponse().getBodyAsString().block()).isEqualTo("Unauthorized");
    }

    @Test
    void answersAnythingElseWith500() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/v1/a"));

        StepVerifier.create(handler.handle(exchange, new IllegalStateException("bug"))).verifyComplete();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(exchange.getResponse().getBodyAsString().block()).startsWith("<html><h1>Internal Error</h1>");
    }

    @Test
    void sendsNoBodyToHead() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.head("/v1/a/c"));

        StepVerifier.create(handler.handle(exchange, GatewayException.status(404))).verifyComplete();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(exchange.getResponse().getHeaders().getFirst("X-Trans-Id")).isEqualTo(TX);
        assertThat(exchange.getResponse().getBodyAsString().block()).isNullOrEmpty();
    }

    @Test
    void passesTheErrorOnOnceTheResponseIsCommitted() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/v1/a/c/o"));
        exchange.getResponse().setComplete().block();
        IllegalStateException late = new IllegalStateException("late");

        StepVerifier.create(handler.handle(exchange, late))
                .expectErrorSatisfies(error -> assertThat(error).isSameAs(late))
                .verify();
    }
}
