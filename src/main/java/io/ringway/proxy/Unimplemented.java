package io.ringway.proxy;

import io.ringway.api.error.GatewayException;
import java.util.Set;
import reactor.core.publisher.Mono;

/** A controller still to be written: every method answers 501. */
public final class Unimplemented implements Controller {

    @Override
    public Set<String> allowedMethods() {
        return Set.of("GET", "HEAD", "PUT", "POST", "DELETE");
    }

    @Override
    public Mono<ProxyReply> handle(ProxyRequest request) {
        return Mono.error(GatewayException.status(501));
    }
}
