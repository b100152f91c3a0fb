package io.ringway.middleware.thirdparty;

import io.ringway.middleware.Middleware;
import io.ringway.middleware.MiddlewareContext;
import io.ringway.middleware.MiddlewareFactory;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A test-only stage that answers {@code /break-mid-body} with {@code Content-Length: 100}, sends
 * 10 bytes and then fails, as a backend dying mid-GET would: the client must see the connection
 * close, not a completed body.
 */
public final class BreakMidBodyFactory implements MiddlewareFactory<BreakMidBodyFactory.NoConfig> {

    @Override
    public String name() {
        return "break_mid_body";
    }

    @Override
    public Class<NoConfig> configType() {
        return NoConfig.class;
    }

    @Override
    public Middleware create(NoConfig config, MiddlewareContext context) {
        return (exchange, next) -> {
            if (!exchange.getRequest().getPath().value().equals("/break-mid-body")) {
                return next.next(exchange);
            }
            exchange.getResponse().getHeaders().setContentLength(100);
            Flux<DataBuffer> body = Flux.concat(
                    Mono.fromSupplier(() -> exchange.getResponse().bufferFactory()
                            .wrap("0123456789".getBytes(StandardCharsets.US_ASCII))),
                    Mono.error(new IllegalStateException("backend gone mid-body")));
            return exchange.getResponse().writeAndFlushWith(Flux.just(body.doOnDiscard(DataBuffer.class,
                    DataBufferUtils::release)));
        };
    }

    /** No settings. */
    public record NoConfig() {
    }
}
