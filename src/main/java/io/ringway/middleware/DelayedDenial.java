package io.ringway.middleware;

import org.jspecify.annotations.Nullable;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Swift's {@code delay_denial}: the proxy answers an auth stage's 401 or 403 to a container
 * GET or HEAD, or to an object GET, HEAD, PUT, POST or DELETE, from inside the controller
 * method, so the denial gets what the controller adds to its answers (the CORS headers of
 * {@code cors_validation}). Ringway's auth stages deny before the app; they call
 * {@link #beforeDenial} first so the app's service can prepare the same additions. A gateway
 * service, looked up through the {@link MiddlewareContext}.
 */
@FunctionalInterface
public interface DelayedDenial {

    /** Adds nothing: for stages built without the Swift API behind them. */
    DelayedDenial NONE = (exchange, account, container, object) -> Mono.empty();

    /**
     * Prepares the answer to a request about to be denied (the names are decoded path segments).
     * Completes when the denial may be written.
     */
    Mono<Void> beforeDenial(ServerWebExchange exchange, String account, @Nullable String container,
            @Nullable String object);
}
