package io.ringway.storage.node;

import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * One of Swift's backend servers (account, container or object): handles every request on its
 * port except {@code /healthcheck} and {@code /recon/*}, which the node answers for all of them.
 */
public interface BackendServer {

    /** Which server this is; also the name of its ring and of its recon section. */
    ServerType type();

    /** Handles one backend request; errors are answered, never signalled. */
    Mono<ServerResponse> handle(ServerRequest request);
}
