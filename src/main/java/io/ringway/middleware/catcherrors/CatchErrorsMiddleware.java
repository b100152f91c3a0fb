package io.ringway.middleware.catcherrors;

import static java.util.Objects.requireNonNull;

import io.ringway.api.error.GatewayException;
import io.ringway.middleware.Middleware;
import io.ringway.middleware.MiddlewareChain;
import io.ringway.middleware.RequestContext;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

/**
 * {@code catch_errors} (Swift's {@code catch_errors.py}). Must be first in the pipeline, and is
 * added there when missing: it gives every request its transaction id and is the last line of
 * error handling for all the stages after it.
 *
 * <ul>
 *   <li>Transaction id: {@code tx<21 hex>-<10 hex of the time><trans_id_suffix>[-<X-Trans-Id-Extra>]},
 *       kept in the {@link RequestContext} and sent as {@code X-Trans-Id} and
 *       {@code X-Openstack-Request-Id} on every response, error answers included.
 *   <li>Errors: a {@link GatewayException} (or Spring's {@link ResponseStatusException}) passes
 *       to the exception handler, which renders it; anything else is a bug, logged with its
 *       stack trace and answered {@code 500 An error occurred} (text/plain), as Swift does.
 *   <li>Server headers, as Swift's WSGI server adds them ({@link ServerHeaders}): {@code Date} on
 *       every response, {@code Content-Length: 0} on a {@code HEAD} answered without a length.
 *   <li>{@code Content-Length} is enforced (Swift's {@code enforce_byte_count}): a body longer
 *       than declared is cut at the declared length, and a longer or shorter one fails, which
 *       closes the connection, as below.
 *   <li>An error once the response has started cannot change its status: the error is passed
 *       on and the connection is closed, so the client never takes wrong bytes for a body (see
 *       the comment in Swift's {@code catch_errors.py} on what an off-by-N body does to the
 *       next request on the connection).
 * </ul>
 *
 * <p>Config: {@code ringway.middleware.catch_errors.trans_id_suffix} (default empty).
 */
final class CatchErrorsMiddleware implements Middleware {

    private static final Logger log = LoggerFactory.getLogger(CatchErrorsMiddleware.class);

    private final CatchErrorsConfig config;
    private final TransactionIds ids;
    private final Clock clock;

    CatchErrorsMiddleware(CatchErrorsConfig config, TransactionIds ids, Clock clock) {
        this.config = requireNonNull(config, "config");
        this.ids = requireNonNull(ids, "ids");
        this.clock = requireNonNull(clock, "clock");
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, MiddlewareChain next) {
        String txId = ids.next(config.transIdSuffix(), exchange.getRequest().getHeaders().getFirst("X-Trans-Id-Extra"));
        RequestContext.of(exchange).transactionId(txId);
        ServerHttpResponse response = exchange.getResponse();
        // Set at commit time, so that no later stage (or error answer) can drop them.
        response.beforeCommit(() -> {
            HttpHeaders headers = response.getHeaders();
            headers.set("X-Trans-Id", txId);
            headers.set("X-Openstack-Request-Id", txId);
            ServerHeaders.complete(headers, HttpMethod.HEAD.equals(exchange.getRequest().getMethod()), clock);
            return Mono.empty();
        });
        // Spring drops the body of an answer to HEAD; Swift's zero-byte check there has nothing to do.
        ServerWebExchange enforced = HttpMethod.HEAD.equals(exchange.getRequest().getMethod())
                ? exchange
                : exchange.mutate().response(new ContentLengthEnforcer(response)).build();
        return Mono.defer(() -> next.next(enforced))
                .onErrorResume(error -> failed(exchange, txId, error));
    }

    private static Mono<Void> failed(ServerWebExchange exchange, String txId, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            log.warn("Error after the response started, closing the connection ({} {}, {}): {}",
                    exchange.getRequest().getMethod(), exchange.getRequest().getPath(), txId, error.toString());
            closeConnection(exchange);
            return Mono.error(error);
        }
        if (error instanceof GatewayException || error instanceof ResponseStatusException) {
            return Mono.error(error);
        }
        log.error("Error: An error occurred ({} {}, {})", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), txId, error);
        return Mono.error(GatewayException.plain(500, "An error occurred", error));
    }

    /**
     * Closes the client connection here rather than trusting the server to: Spring takes an
     * error whose message says "Connection reset by peer" (a storage node's, wrapped) for the
     * client's own disconnect and completes the exchange quietly, which leaves the client
     * waiting on a keep-alive connection for bytes that never come.
     */
    private static void closeConnection(ServerWebExchange exchange) {
        Object nativeResponse;
        try {
            nativeResponse = ServerHttpResponseDecorator.getNativeResponse(exchange.getResponse());
        } catch (IllegalStateException | IllegalArgumentException noServer) {
            // A mock exchange (stage tests) has no connection to close.
            return;
        }
        if (nativeResponse instanceof Connection connection) {
            connection.channel().close();
        }
    }
}
