package io.ringway.middleware.thirdparty;

import io.ringway.middleware.Middleware;
import io.ringway.middleware.MiddlewareContext;
import io.ringway.middleware.MiddlewareFactory;
import java.util.Map;
import org.springframework.boot.context.properties.bind.DefaultValue;
import reactor.core.publisher.Mono;

/**
 * A third-party stage that lives only in test code, found through
 * {@code META-INF/services/io.ringway.middleware.MiddlewareFactory} as an operator's own jar
 * would be: it stamps every response with {@code X-Stamp} and registers an {@code /info} section.
 */
public final class StampFactory implements MiddlewareFactory<StampFactory.StampConfig> {

    @Override
    public String name() {
        return "stamp";
    }

    @Override
    public Class<StampConfig> configType() {
        return StampConfig.class;
    }

    @Override
    public Middleware create(StampConfig config, MiddlewareContext context) {
        return (exchange, next) -> {
            exchange.getResponse().beforeCommit(() -> {
                exchange.getResponse().getHeaders().set("X-Stamp", config.value());
                return Mono.empty();
            });
            return next.next(exchange);
        };
    }

    @Override
    public Map<String, Object> info(StampConfig config) {
        return Map.of("value", config.value());
    }

    /** @param value the stamp, {@code ringway.middleware.stamp.value} */
    public record StampConfig(@DefaultValue("stamped") String value) {
    }
}
