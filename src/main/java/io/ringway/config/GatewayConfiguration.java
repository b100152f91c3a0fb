package io.ringway.config;

import com.github.benmanes.caffeine.cache.Ticker;
import io.ringway.api.error.SwiftExceptionHandler;
import io.ringway.api.http.KeepAliveEcho;
import io.ringway.api.http.SwiftRequestDecoding;
import io.ringway.api.swift.EdgeConstraints;
import io.ringway.backend.BackendRequests;
import io.ringway.backend.BackendSettings;
import io.ringway.backend.InfoFetcher;
import io.ringway.backend.NodeHealth;
import io.ringway.backend.NodeTimings;
import io.ringway.backend.ObjectGet;
import io.ringway.backend.ObjectPut;
import io.ringway.backend.StorageNodeClient;
import io.ringway.backend.StorageNodes;
import io.ringway.info.InfoHandler;
import io.ringway.info.InfoRegistry;
import io.ringway.middleware.MiddlewareContext;
import io.ringway.middleware.MiddlewareFactory;
import io.ringway.middleware.MiddlewareRegistry;
import io.ringway.middleware.Pipeline;
import io.ringway.middleware.PipelineProperties;
import io.ringway.middleware.RequestContext;
import io.ringway.middleware.StageConfigs;
import io.ringway.middleware.acl.AclSource;
import io.ringway.middleware.cache.CacheConfig;
import io.ringway.middleware.cache.CacheFactory;
import io.ringway.middleware.cache.InfoCache;
import io.ringway.middleware.cache.InfoCacheAclSource;
import io.ringway.middleware.catcherrors.CatchErrorsFactory;
import io.ringway.middleware.copy.CopyFactory;
import io.ringway.middleware.gatekeeper.GatekeeperFactory;
import io.ringway.middleware.healthcheck.HealthcheckFactory;
import io.ringway.middleware.listingformats.ListingFormatsFactory;
import io.ringway.middleware.proxylogging.ProxyLoggingFactory;
import io.ringway.middleware.tempauth.TempAuthFactory;
import io.ringway.policy.StoragePolicies;
import io.ringway.api.swift.EdgeConstraints;
import io.ringway.backend.BackendRequests;
import io.ringway.backend.DatabaseGet;
import io.ringway.proxy.DatabaseServices;
import io.ringway.proxy.ProxyApplication;
import io.ringway.proxy.ProxySettings;
import io.ringway.proxy.cors.Cors;
import io.ringway.proxy.cors.CorsPolicy;
import io.ringway.proxy.account.AccountController;
import io.ringway.proxy.container.ContainerController;
import io.ringway.proxy.object.ContentTypes;
import io.ringway.proxy.object.ObjectController;
import io.ringway.policy.SwiftConf;
import io.ringway.ring.Rings;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import reactor.netty.NettyPipeline;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.web.server.ServerWebExchange;

/**
 * The gateway's front: the middleware pipeline ({@code ringway.pipeline}, stages configured under
 * {@code ringway.middleware.<name>}), the Swift error handler, and {@code /info}. Built-in
 * stages are beans here; third-party ones come through {@link java.util.ServiceLoader}.
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

    /** {@code ringway.backend.*}: Swift's proxy options (conn_timeout, node_timeout, error limits...) for the data path. */
    @Bean
    BackendSettings backendSettings(Environment environment) {
        return Binder.get(environment)
                .bindOrCreate("ringway.backend", Bindable.of(BackendProperties.class))
                .toSettings();
    }

    @Bean
    StorageNodeClient storageNodeClient(BackendSettings settings) {
        return new StorageNodeClient(settings);
    }

    @Bean
    NodeHealth nodeHealth(BackendSettings settings) {
        return new NodeHealth(settings, Clock.systemUTC());
    }

    @Bean
    NodeTimings nodeTimings(BackendSettings settings) {
        return new NodeTimings(settings, Clock.systemUTC());
    }

    @Bean
    StorageNodes storageNodes(StorageNodeClient client, NodeHealth health, NodeTimings timings) {
        return new StorageNodes(client, health, timings, new Random());
    }

    @Bean
    InfoFetcher infoFetcher(StorageNodes nodes, Rings rings) {
        return new InfoFetcher(nodes, rings::account, rings::container);
    }

    /** Configured by the cache stage's section, {@code ringway.middleware.cache}, as Swift's memcache filter. */
    @Bean
    InfoCache infoCache(InfoFetcher fetcher, Environment environment) {
        CacheConfig config = new StageConfigs(Binder.get(environment)).bind("cache", CacheConfig.class);
        return new InfoCache(fetcher, config, Ticker.systemTicker());
    }

    @Bean
    AclSource aclSource(InfoCache cache) {
        return new InfoCacheAclSource(cache);
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
    InfoHandler infoHandler(InfoRegistry info, StoragePolicies policies, SwiftConf conf, ProxySettings settings) {
        return new InfoHandler(info, policies, conf.constraints(), settings);
    }

    @Bean
    ObjectGet objectGet(StorageNodes nodes) {
        return new ObjectGet(nodes);
    }

    @Bean
    ObjectPut objectPut(StorageNodes nodes) {
        return new ObjectPut(nodes);
    }

    @Bean
    BackendRequests backendRequests(StorageNodes nodes) {
        return new BackendRequests(nodes);
    }

    @Bean
    EdgeConstraints edgeConstraints(SwiftConf conf) {
        return new EdgeConstraints(conf.constraints());
    }

    /** Python's mimetypes table and the system's mime.types files, read once at startup. */
    @Bean
    ObjectController objectController(InfoCache info, Rings rings, ObjectGet get, ObjectPut put,
            BackendRequests requests, EdgeConstraints constraints) {
        return new ObjectController(info, rings::object, rings::container, get, put, requests, constraints,
                ContentTypes.load(ContentTypes.KNOWN_FILES));
    }

    /**
     * Raw bytes in paths, too long header lines and {@code Connection: keep-alive} answers, handled
     * below Spring as Swift's eventlet server does.
     */
    @Bean
    NettyServerCustomizer swiftRequestDecoding(SwiftConf conf) {
        SwiftRequestDecoding decoding = new SwiftRequestDecoding(conf.constraints().maxHeaderSize());
        return server -> server.doOnChannelInit((observer, channel, address) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, SwiftRequestDecoding.NAME, decoding);
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, KeepAliveEcho.NAME, new KeepAliveEcho());
            }
        });
    }

    /** Swift's proxy-server app, where the pipeline ends. */
    @Bean
    ProxyApplication proxyApplication(InfoHandler info, SwiftConf conf, DatabaseServices databases,
            ObjectController objects, Cors cors) {
        return new ProxyApplication(conf.constraints().validApiVersions(), info, new AccountController(databases),
                new ContainerController(databases), objects, cors);
    }

    /** OPTIONS and CORS for the app, and the CORS headers of the auth stages' delayed denials. */
    @Bean
    Cors cors(DatabaseServices databases) {
        return new Cors(new CorsPolicy(databases.settings()), databases.cache());
    }

    /** {@code ringway.proxy.*}: Swift's proxy-server options for accounts and containers. */
    @Bean
    ProxySettings proxySettings(Environment environment) {
        return Binder.get(environment).bindOrCreate("ringway.proxy", Bindable.of(ProxySettings.class));
    }

    @Bean
    DatabaseServices databaseServices(StorageNodes nodes, BackendRequests writes, Rings rings, InfoCache cache,
            StoragePolicies policies, EdgeConstraints constraints, ProxySettings settings) {
        return new DatabaseServices(new DatabaseGet(nodes), writes, rings, cache, policies, constraints, settings);
    }
}
