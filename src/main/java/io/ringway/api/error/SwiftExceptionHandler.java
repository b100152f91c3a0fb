package io.ringway.api.error;

import static java.util.Objects.requireNonNull;

import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * The gateway's one exception handler (declared at {@code @Order(-2)}, ahead of Boot's own at
 * -1): renders a {@link GatewayException}, or Spring's own {@link ResponseStatusException} (an
 * unknown path, a method no route takes), as Swift's proxy would, with {@code X-Trans-Id} and
 * {@code X-Openstack-Request-Id} whenever the request has a transaction id. Anything else is a
 * bug: logged with its stack trace and answered 500.
 *
 * <p>Once the response is committed its status cannot change: the error is passed on, and
 * the server closes the connection rather than complete a body with wrong bytes.
 */
public final class SwiftExceptionHandler implements WebExceptionHandler {


    private static final Logger log = LoggerFactory.getLogger(SwiftExceptionHandler.class);

    private final Function<ServerWebExchange, @Nullable String> transactionId;
    private final Predicate<ServerWebExchange> scope;

    /** @param transactionId the request's transaction id, or {@code null} when it has none yet */
    public SwiftExceptionHandler(Function<ServerWebExchange, @Nullable String> transactionId) {
        this(transactionId, exchange -> true);
    }

    /**
     * @param transactionId the request's transaction id, or {@code null} when it has none yet
     * @param scope the exchanges this handler answers; others go to the next handler (the
     *     management server's, which sees its parent's handlers too)
     */
    public SwiftExceptionHandler(Function<ServerWebExchange, @Nullable String> transactionId,
            Predicate<ServerWebExchange> scope) {
        this.transactionId = requireNonNull(transactionId, "transactionId");
        this.scope = requireNonNull(scope, "scope");
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted() || !scope.test(exchange)) {
            return Mono.error(error);
        }
        SwiftErrorBody rendered = SwiftErrorBody.of(asGatewayException(exchange, error));
        HttpHeaders headers = response.getHeaders();
        // A fresh answer, as Swift's: headers a failed stage had set (a Content-Length) would lie.
        headers.clear();
        if (error instanceof GatewayException gateway) {
            headers.addAll(gateway.headers());
        }
        String txId = transactionId.apply(exchange);
        if (txId != null) {
            headers.set("X-Trans-Id", txId);
            headers.set("X-Openstack-Request-Id", txId);
        }
        response.setStatusCode(HttpStatusCode.valueOf(rendered.status()));
        headers.set(HttpHeaders.CONTENT_TYPE, rendered.contentType());
        if (HttpMethod.HEAD.equals(exchange.getRequest().getMethod())) {
            return response.setComplete();
        }
        headers.setContentLength(rendered.body().length);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(rendered.body())));
    }

    private static GatewayException asGatewayException(ServerWebExchange exchange, Throwable error) {
        if (error instanceof GatewayException gateway) {
            return gateway;
        }
        if (error instanceof ResponseStatusException status && status.getStatusCode().value() >= 400) {
            log.debug("{} {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                    status.getMessage());
            HttpHeaders headers = status.getHeaders();
            return new GatewayException(status.getStatusCode().value(), null, GatewayException.HTML_UTF8, headers,
                    status);
        }
        log.error("Error: an error occurred on {} {}", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), error);
        return GatewayException.status(500);
    }
}
