package io.ringway.storage.node;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.MeterRegistry;
import io.ringway.storage.recon.NodeRecon;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.web.reactive.function.server.HandlerStrategies;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Builds the HTTP handler of one backend server port: {@code /healthcheck} and {@code /recon/*}
 * first (Swift runs those middlewares in front of every storage server), then the server.
 */
public final class StorageNodeHandler {

    private StorageNodeHandler() {
    }

    /** The routes of one server, its shared routes included. */
    public static RouterFunction<ServerResponse> routes(BackendServer server, NodeRecon recon) {
        requireNonNull(server, "server");
        requireNonNull(recon, "recon");
        return RouterFunctions.route(RequestPredicates.path("/healthcheck"), request -> ServerResponse.ok()
                        .header("Content-Type", "text/plain")
                        .bodyValue("OK"))
                .andRoute(RequestPredicates.path("/recon/**"), recon::handle)
                .andRoute(request -> true, server::handle);
    }

    public static HttpHandler httpHandler(BackendServer server, NodeRecon recon) {
        return new SwiftLengthHeaders(RouterFunctions.toHttpHandler(routes(server, recon), HandlerStrategies.withDefaults()));
    }

    /** The handler, each request timed in {@code ringway.node.requests}. */
    public static HttpHandler httpHandler(BackendServer server, NodeRecon recon, MeterRegistry meters) {
        return new NodeRequestMetrics(httpHandler(server, recon), meters, server.type());
    }
}
