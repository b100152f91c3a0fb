package io.ringway.middleware;

import org.springframework.http.server.reactive.ServerHttpRequest;
import reactor.core.publisher.Mono;

/**
 * An auth stage's decision for requests other than the one it saw, as Swift's
 * {@code swift.authorize} callback: Swift's proxy calls it for every request, subrequests of later
 * stages included, while Ringway's auth stages decide the client's request where they sit. So
 * they leave this in {@link RequestContext#authorize()} for the requests later stages make in the
 * user's name (the source a {@code copy} reads, the destination a {@code COPY} writes), and
 * {@link Subrequest} runs it on each.
 */
@FunctionalInterface
public interface Authorize {

    /**
     * Decides whether the user of this exchange may make {@code request} (its method, path and
     * headers such as {@code Referer}).
     *
     * @return an empty Mono when allowed; an error with the refusal to send (a
     *     {@code GatewayException} with Swift's 401, 403...) when not
     */
    Mono<Void> check(ServerHttpRequest request);
}
