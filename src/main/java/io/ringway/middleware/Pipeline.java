package io.ringway.middleware;

import static java.util.Objects.requireNonNull;

import io.ringway.info.InfoRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebHandler;
import reactor.core.publisher.Mono;

/**
 * The one WebFilter that runs the configured stages in order, then the rest of the WebFlux
 * chain (the Swift API), as Swift's paste pipeline ends in the {@code proxy-server} app. It runs
 * first but for the gateway's recon ({@link #ORDER}); stages have no order of their own. Management endpoints have their own port and server
 * and do not pass through it (see {@link #scopedTo}).
 */
@Order(Pipeline.ORDER)
public final class Pipeline implements WebFilter {

    /** Ahead of every other WebFilter but those that answer outside Swift's pipeline (recon). */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private static final Logger log = LoggerFactory.getLogger(Pipeline.class);

    private final List<Stage> stages;
    private final Predicate<ServerWebExchange> scope;
    private final @Nullable WebHandler app;
    private final String description;

    /**
     * Runs exactly these stages, in this order (no checks: see {@link #assemble}), on every
     * exchange, then the rest of the WebFlux chain.
     */
    public Pipeline(List<Stage> stages) {
        this(stages, exchange -> true, null);
    }

    private Pipeline(List<Stage> stages, Predicate<ServerWebExchange> scope, @Nullable WebHandler app) {
        this.stages = List.copyOf(requireNonNull(stages, "stages"));
        this.scope = requireNonNull(scope, "scope");
        this.app = app;
        this.description = "Pipeline" + this.stages.stream().map(Stage::name).toList();
    }

    /**
     * Builds the configured pipeline: checks the names and places (adding required stages),
     * binds each stage's configuration, creates it, registers its {@code /info} section, and
     * logs the result.
     *
     * @throws IllegalStateException on an unknown or misplaced stage
     */
    public static Pipeline assemble(PipelineProperties properties, MiddlewareRegistry registry, StageConfigs configs,
            MiddlewareContext context, InfoRegistry info) {
        List<Stage> stages = new ArrayList<>();
        for (String name : PipelineLayout.resolve(properties.stages(), registry)) {
            stages.add(create(registry.factory(name).orElseThrow(), configs, context, info));
        }
        Pipeline pipeline = new Pipeline(stages);
        log.info("Pipeline: {} -> swift API", stages.stream().map(Stage::toString).collect(Collectors.joining(" -> ")));
        return pipeline;
    }

    private static <C> Stage create(MiddlewareFactory<C> factory, StageConfigs configs, MiddlewareContext context,
            InfoRegistry info) {
        C config = configs.bind(factory.name(), factory.configType());
        Middleware middleware = requireNonNull(factory.create(config, context), factory.name());
        Map<String, Object> section = factory.info(config);
        if (section != null) {
            info.register(factory.name(), section);
        }
        return new Stage(factory.name(), config, middleware);
    }

    /**
     * The same stages, run only on the exchanges {@code scope} accepts; others go straight on.
     * The management server's child context sees its parent's WebFilters too: this keeps its
     * endpoints out of the pipeline.
     */
    public Pipeline scopedTo(Predicate<ServerWebExchange> scope) {
        return new Pipeline(stages, scope, app);
    }

    /**
     * The same stages ending in {@code app}, as Swift's paste pipeline ends in the
     * {@code proxy-server} app: what passes every stage is answered by it, not by the rest of the
     * WebFlux chain.
     */
    public Pipeline endingIn(WebHandler app) {
        return new Pipeline(stages, scope, requireNonNull(app, "app"));
    }

    /** The running stages, in order. */
    public List<Stage> stages() {
        return stages;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!scope.test(exchange)) {
            return chain.filter(exchange);
        }
        return run(0, exchange, chain);
    }

    private Mono<Void> run(int index, ServerWebExchange exchange, WebFilterChain chain) {
        if (index == stages.size()) {
            return app == null ? chain.filter(exchange) : app.handle(exchange);
        }
        return stages.get(index).middleware().handle(exchange, next -> run(index + 1, next, chain));
    }

    /** Made once: Spring's filter chain asks for it on every request (its checkpoint's description). */
    @Override
    public String toString() {
        return description;
    }
}
