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
 * close, not a completed body. {@code /break-mid-body-reset} fails the same way with a storage
 * node's "Connection reset by peer" in the error's message.
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
            String path = exchange.getRequest().getPath().value();
            if (!path.equals("/break-mid-body") && !path.equals("/break-mid-body-reset")) {
                return next.next(exchange);
            }
            // Spring takes an error saying "Connection reset by peer" for the client's own disconnect.
            String message = path.endsWith("-reset")
                    ? "storage node: recvAddress(..) failed with error(-104): Connection reset by peer"
                    : "backend gone mid-body";
            exchange.getResponse().getHeaders().setContentLength(100);
            Flux<DataBuffer> body = Flux.concat(
                    Mono.fromSupplier(() -> exchange.getResponse().bufferFactory()
                            .wrap("0123456789".getBytes(StandardCharsets.US_ASCII))),
                    Mono.error(new IllegalStateException(message)));
            return exchange.getResponse().writeAndFlushWith(Flux.just(body.doOnDiscard(DataBuffer.class,
                    DataBufferUtils::release)));
        };
    }

    /** No settings. */
    public record NoConfig() {
    }
}
