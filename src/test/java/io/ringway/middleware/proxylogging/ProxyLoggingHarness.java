package io.ringway.middleware.proxylogging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ringway.middleware.Middleware;
import io.ringway.middleware.MiddlewareChain;
import io.ringway.middleware.MiddlewareContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The proxy_logging stage built through its factory with a {@link SimpleMeterRegistry} and a
 * stepping clock, the {@code ringway.access} lines captured by a list appender, and recording
 * chains that stream, fail or hang.
 */
final class ProxyLoggingHarness implements AutoCloseable {

    /** 2023-11-14T22:13:20.25Z: start; first byte 0.125 s later; end 0.25 s after start. */
    static final Instant START = Instant.ofEpochSecond(1_700_000_000L, 250_000_000);
    static final Instant FIRST_BYTE = START.plusMillis(125);
    static final Instant END = START.plusMillis(250);

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(ProxyLoggingMiddleware.LOGGER);
    private final Level previousLevel = logger.getLevel();
    private final boolean previousAdditive = logger.isAdditive();

    ProxyLoggingHarness() {
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.INFO);
        // The captured lines need not reach the console of the whole test run.
        logger.setAdditive(false);
    }

    /** A stage with this config and a clock answering {@code instants} in turn. */
    Middleware stage(ProxyLoggingConfig config, Instant... instants) {
        Clock clock = new StepClock(instants.length == 0 ? new Instant[] {START, FIRST_BYTE, END} : instants);
        MiddlewareContext context = new MiddlewareContext() {
            @Override
            public <T> T service(Class<T> type) {
                if (type == MeterRegistry.class) {
                    return type.cast(registry);
                }
                if (type == Clock.class) {
                    return type.cast(clock);
                }
                throw new IllegalStateException("no " + type);
            }
        };
        return new ProxyLoggingFactory().create(config, context);
    }

    Middleware stage() {
        return stage(ProxyLoggingConfig.defaults());
    }

    List<String> lines() {
        return appender.list.stream()
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(previousLevel);
        logger.setAdditive(previousAdditive);
    }

    /** A chain answering {@code status} with these body chunks, one write of several buffers. */
    static MiddlewareChain answering(HttpStatus status, String... chunks) {
        return exchange -> {
            exchange.getResponse().setStatusCode(status);
            return exchange.getResponse().writeWith(Flux.fromArray(chunks)
                    .map(chunk -> buffer(exchange, chunk)));
        };
    }

    /** A chain that reads (and releases) the whole request body, then answers 201 without a body. */
    static MiddlewareChain consuming() {
        return exchange -> exchange.getRequest().getBody()
                .doOnNext(DataBufferUtils::release)
                .then(Mono.defer(() -> {
                    exchange.getResponse().setStatusCode(HttpStatus.CREATED);
                    return exchange.getResponse().setComplete();
                }));
    }

    static DataBuffer buffer(ServerWebExchange exchange, String text) {
        return exchange.getResponse().bufferFactory().wrap(text.getBytes(StandardCharsets.UTF_8));
    }
}
