package io.ringway.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import reactor.netty.http.server.HttpRequestDecoderSpec;
import reactor.netty.http.server.HttpServer;

class ClientBodyChunkSizeTests {

    @Test
    void raisesTheChunkSizeAndKeepsWhatWasConfiguredBefore() {
        NettyReactiveWebServerFactory factory = new NettyReactiveWebServerFactory();
        // What Spring Boot's own customizer does with server.max-http-request-header-size and friends.
        factory.addServerCustomizers(server -> server.httpRequestDecoder(spec -> spec
                .maxHeaderSize(12345).maxInitialLineLength(6789).validateHeaders(false)));
        new ClientBodyChunkSize().customize(factory);

        HttpServer server = HttpServer.create();
        for (NettyServerCustomizer customizer : factory.getServerCustomizers()) {
            server = customizer.apply(server);
        }

        HttpRequestDecoderSpec decoder = server.configuration().decoder();
        assertThat(decoder.maxChunkSize()).isEqualTo(64 * 1024);
        assertThat(decoder.maxHeaderSize()).isEqualTo(12345);
        assertThat(decoder.maxInitialLineLength()).isEqualTo(6789);
        assertThat(decoder.validateHeaders()).isFalse();
    }

    @Test
    void runsAfterSpringBootsCustomizer() {
        assertThat(new ClientBodyChunkSize().getOrder()).isGreaterThan(0);
    }
}
