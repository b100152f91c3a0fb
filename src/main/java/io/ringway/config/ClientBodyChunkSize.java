package io.ringway.config;

import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import reactor.netty.http.server.HttpRequestDecoderSpec;
import reactor.netty.http.server.HttpServer;

/**
 * Hands client request bodies to the gateway in buffers of up to {@value #BYTES} bytes (Swift's
 * {@code client_chunk_size}) rather than Netty's default 8 KiB pieces: a GiB PUT is 16 thousand
 * buffers through WebFlux and the replica fan-out instead of 131 thousand.
 *
 * <p>Reactor Netty's {@code httpRequestDecoder} starts each time from a fresh spec, and Spring Boot
 * sets its own ({@code server.max-http-request-header-size}, {@code server.netty.*}) that way. So
 * this runs after Boot's customizer (lowest precedence) and starts from the spec already
 * configured, changing only the chunk size.
 */
final class ClientBodyChunkSize implements WebServerFactoryCustomizer<NettyReactiveWebServerFactory>, Ordered {

    static final int BYTES = 64 * 1024;

    @Override
    public void customize(NettyReactiveWebServerFactory factory) {
        factory.addServerCustomizers(ClientBodyChunkSize::apply);
    }

    static HttpServer apply(HttpServer server) {
        HttpRequestDecoderSpec current = server.configuration().decoder();
        return server.httpRequestDecoder(spec -> spec
                .maxInitialLineLength(current.maxInitialLineLength())
                .maxHeaderSize(current.maxHeaderSize())
                .maxChunkSize(BYTES)
                .validateHeaders(current.validateHeaders())
                .initialBufferSize(current.initialBufferSize())
                .allowDuplicateContentLengths(current.allowDuplicateContentLengths())
                .h2cMaxContentLength(current.h2cMaxContentLength())
                .allowPartialChunks(current.allowPartialChunks()));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
