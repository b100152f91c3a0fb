package io.ringway.middleware;

import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The rest of the pipeline after a stage, ending in the Swift API (Swift's {@code proxy-server} app). */
@FunctionalInterface
public interface MiddlewareChain {

    Mono<Void> next(ServerWebExchange exchange);
}
