package io.ringway.proxy;

import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * One of Swift's proxy controllers (account, container, object, info): the methods it answers
 * and the answer to a request whose path it owns.
 */
public interface Controller {

    /** The methods this controller answers; others get 405 with an {@code Allow} header. */
    Set<String> allowedMethods();

    /** The reply to {@code request}, or a {@link io.ringway.api.error.GatewayException} error. */
    Mono<ProxyReply> handle(ProxyRequest request);
}
