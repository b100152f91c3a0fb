package io.ringway.config;

import io.ringway.api.error.SwiftExceptionHandler;
import io.ringway.api.http.KeepAliveEcho;
import io.ringway.api.http.RefusedCodingBody;
import io.ringway.api.http.SwiftRequestDecoding;
import io.ringway.api.recon.GatewayRecon;
import io.ringway.api.recon.HostRecon;
import io.ringway.federation.Targets;
import io.ringway.info.InfoRegistry;
import io.ringway.info.RingwayVersion;
import io.ringway.middleware.MiddlewareContext;
import io.ringway.middleware.MiddlewareFactory;
import io.ringway.middleware.MiddlewareRegistry;
import io.ringway.middleware.Pipeline;
import io.ringway.middleware.PipelineProperties;
import io.ringway.middleware.RequestContext;
import io.ringway.middleware.StageConfigs;
import io.ringway.middleware.cache.CacheFactory;
import io.ringway.middleware.catcherrors.CatchErrorsFactory;
import io.ringway.middleware.copy.CopyFactory;
import io.ringway.middleware.gatekeeper.GatekeeperFactory;
import io.ringway.middleware.healthcheck.HealthcheckFactory;
import io.ringway.middleware.listingformats.ListingFormatsFactory;
import io.ringway.middleware.proxylogging.ProxyLoggingFactory;
import io.ringway.middleware.tempauth.TempAuthFactory;
import io.ringway.policy.StoragePolicies;
import io.ringway.policy.SwiftConf;
import io.ringway.proxy.ProxyApplication;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.NettyPipeline;

/**
 * The gateway's front: the middleware pipeline ({@code ringway.pipeline}, stages configured under
 * {@code ringway.middleware.<name>}) ending in the Swift API ({@link SwiftApiConfiguration}), the
 * Swift error handler, and the HTTP decoding below Spring. Built-in stages are beans here;
 * third-party ones come through {@link java.util.ServiceLoader}. The data path to storage nodes
 * is {@link BackendConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(RunsGateway.class)
class GatewayConfiguration {

    @Bean
    CatchErrorsFactory catchErrorsFactory() {
        return new CatchErrorsFactory();
    }

    @Bean
    GatekeeperFactory gatekeeperFactory() {
        return new GatekeeperFactory();
    }

    @Bean
    HealthcheckFactory healthcheckFactory() {
        return new HealthcheckFactory();
    }

    @Bean
    ProxyLoggingFactory proxyLoggingFactory() {
        return new ProxyLoggingFactory();
    }

    @Bean
    ListingFormatsFactory listingFormatsFactory() {
        return new ListingFormatsFactory();
    }

    @Bean
    TempAuthFactory tempAuthFactory() {
        return new TempAuthFactory();
    }

    @Bean
    CacheFactory cacheFactory() {
        return new CacheFactory();
    }

    @Bean
    CopyFactory copyFactory() {
        return new CopyFactory();
    }

    @Bean
    MiddlewareRegistry middlewareRegistry(List<MiddlewareFactory<?>> factories) {
        return MiddlewareRegistry.discover(factories, GatewayConfiguration.class.getClassLoader());
    }

    @Bean
    PipelineProperties pipelineProperties(Environment environment) {
        return Binder.get(environment)
                .bind("ringway.pipeline", Bindable.listOf(String.class))
                .map(PipelineProperties::new)
                .orElse(PipelineProperties.DEFAULTS);
    }

    @Bean
    InfoRegistry infoRegistry() {
        return new InfoRegistry();
    }

    @Bean
    Pipeline pipeline(PipelineProperties properties, MiddlewareRegistry registry, Environment environment,
            ListableBeanFactory beans, InfoRegistry info, ApplicationContext gatewayContext, ProxyApplication app) {
        MiddlewareContext context = new MiddlewareContext() {
            @Override
            public <T> T service(Class<T> type) {
                return beans.getBeanProvider(type).getIfAvailable(() -> {
                    throw new IllegalStateException("No gateway service of type " + type.getName());
                });
            }
        };
        return Pipeline.assemble(properties, registry, new StageConfigs(Binder.get(environment)), context, info)
                .scopedTo(exchange -> onGatewayServer(exchange, gatewayContext))
                .endingIn(app);
    }

    /**
     * {@code /recon/<check>} on the gateway's port, ahead of the pipeline: the host's load, memory
     * and sockets, the time, the version, the MD5 of the rings and swift.conf in use, and the
     * federation targets' health.
     */
    @Bean
    GatewayRecon gatewayRecon(Targets targets, RingwayProperties ringway, StoragePolicies policies,
            ApplicationContext gatewayContext) {
        Map<String, Supplier<Mono<?>>> checks = new LinkedHashMap<>(new HostRecon(Path.of("/proc"),
                ringway.effectiveSwiftDir().toAbsolutePath().normalize(), policies, RingwayVersion.recon()).checks());
        checks.put("federation", targets::health);
        return new GatewayRecon(checks, exchange -> onGatewayServer(exchange, gatewayContext), Pipeline.ORDER - 1);
    }

    /** Ahead of Boot's own handler (-1): every error answer is Swift's. */
    @Bean
    @Order(-2)
    SwiftExceptionHandler swiftExceptionHandler(ApplicationContext gatewayContext) {
        return new SwiftExceptionHandler(exchange -> RequestContext.of(exchange).transactionId(),
                exchange -> onGatewayServer(exchange, gatewayContext));
    }

    /**
     * Whether the exchange came to the gateway's server rather than the management server,
     * whose child context also picks up this context's WebFilters and exception handlers.
     */
    private static boolean onGatewayServer(ServerWebExchange exchange, ApplicationContext gatewayContext) {
        ApplicationContext served = exchange.getApplicationContext();
        return served == null || served == gatewayContext;
    }

    @Bean
    ClientBodyChunkSize clientBodyChunkSize() {
        return new ClientBodyChunkSize();
    }

    /**
     * Raw bytes in paths, too long header lines, {@code Connection: keep-alive} answers and bodies
     * in a transfer coding Swift refuses, handled below Spring as Swift's eventlet server does.
     */
    @Bean
    NettyServerCustomizer swiftRequestDecoding(SwiftConf conf) {
        SwiftRequestDecoding decoding = new SwiftRequestDecoding(conf.constraints().maxHeaderSize());
        return server -> server.doOnChannelInit((observer, channel, address) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, SwiftRequestDecoding.NAME, decoding);
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, KeepAliveEcho.NAME, new KeepAliveEcho());
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, RefusedCodingBody.NAME, new RefusedCodingBody());
            }
        });
    }
}
