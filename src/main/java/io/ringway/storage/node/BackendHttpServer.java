package io.ringway.storage.node;

import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** Binds one backend server's handler to a Reactor Netty HTTP/1.1 server. */
public final class BackendHttpServer {

    private BackendHttpServer() {
    }

    /** Binds now; port 0 picks a free port, which {@link DisposableServer#port()} then tells. */
    public static DisposableServer bind(HttpHandler handler, String host, int port) {
        return HttpServer.create()
                .host(host)
                .port(port)
                // Swift's proxy sends long object paths and many metadata headers; bodies come in
                // pieces of up to 64 KiB (Swift's network_chunk_size), not Netty's 8 KiB.
                .httpRequestDecoder(spec -> spec.maxInitialLineLength(16 * 1024).maxHeaderSize(64 * 1024)
                        .maxChunkSize(64 * 1024))
                .handle(new ReactorHttpHandlerAdapter(handler))
                .bindNow();
    }
}
