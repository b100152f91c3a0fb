package io.ringway.middleware;

import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * One stage of the pipeline, as a Swift WSGI filter: it may answer the request itself, or pass
 * it (possibly changed) to the rest of the pipeline and act on the response.
 */
@FunctionalInterface
public interface Middleware {

    Mono<Void> handle(ServerWebExchange exchange, MiddlewareChain next);
}
