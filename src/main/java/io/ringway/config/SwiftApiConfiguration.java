package io.ringway.config;

import io.ringway.api.swift.EdgeConstraints;
import io.ringway.backend.BackendRequests;
import io.ringway.backend.DatabaseGet;
import io.ringway.backend.NodeSelection;
import io.ringway.backend.ObjectGet;
import io.ringway.backend.ObjectPut;
import io.ringway.backend.StorageNodes;
import io.ringway.federation.FederationProperties;
import io.ringway.federation.Targets;
import io.ringway.info.InfoHandler;
import io.ringway.info.InfoRegistry;
import io.ringway.middleware.cache.InfoCache;
import io.ringway.policy.StoragePolicies;
import io.ringway.policy.StoragePolicy;
import io.ringway.policy.SwiftConf;
import io.ringway.proxy.Controller;
import io.ringway.proxy.DatabaseServices;
import io.ringway.proxy.ProxyApplication;
import io.ringway.proxy.ProxySettings;
import io.ringway.proxy.account.AccountController;
import io.ringway.proxy.container.ContainerController;
import io.ringway.proxy.cors.Cors;
import io.ringway.proxy.cors.CorsPolicy;
import io.ringway.proxy.federation.FederatedContainerController;
import io.ringway.proxy.federation.FederatedObjectController;
import io.ringway.proxy.object.ContentTypes;
import io.ringway.proxy.object.ObjectCreation;
import io.ringway.proxy.object.ObjectController;
import io.ringway.ring.Rings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The Swift API v1 at the end of the pipeline: the proxy app, its controllers and their
 * settings ({@code ringway.proxy.*}), and {@code /info}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(RunsGateway.class)
class SwiftApiConfiguration {

    @Bean
    InfoHandler infoHandler(InfoRegistry info, StoragePolicies policies, SwiftConf conf, ProxySettings settings) {
        return new InfoHandler(info, policies, conf.constraints(), settings);
    }

    @Bean
    EdgeConstraints edgeConstraints(SwiftConf conf) {
        return new EdgeConstraints(conf.constraints());
    }

    /** Python's mimetypes table and the system's mime.types files, read once at startup. */
    @Bean
    ContentTypes contentTypes() {
        return ContentTypes.load(ContentTypes.KNOWN_FILES);
    }

    @Bean
    ObjectController objectController(InfoCache info, Rings rings, ObjectGet get, ObjectPut put,
            BackendRequests requests, NodeSelection selection, EdgeConstraints constraints, ContentTypes contentTypes,
            StoragePolicies policies) {
        return new ObjectController(info, rings::object, rings::container, get, put, requests, selection, constraints,
                contentTypes, index -> policies.byIndex(index).map(StoragePolicy::name).orElse("none"));
    }

    /**
     * Swift's proxy-server app, where the pipeline ends. With federation targets configured, the
     * container and object controllers first ask whether the container is federated (an
     * in-memory cache lookup); without, they are the local ones alone.
     */
    @Bean
    ProxyApplication proxyApplication(InfoHandler info, SwiftConf conf, DatabaseServices databases,
            ObjectController objects, Cors cors, Targets targets, StoragePolicies policies, EdgeConstraints constraints,
            ContentTypes contentTypes) {
        Controller containers = new ContainerController(databases);
        Controller objectsOrRemote = objects;
        if (!targets.all().isEmpty()) {
            containers = new FederatedContainerController(containers, databases.cache(), policies, targets, constraints);
            objectsOrRemote = new FederatedObjectController(objects, databases.cache(), policies, targets, constraints,
                    new ObjectCreation(constraints, contentTypes));
        }
        return new ProxyApplication(conf.constraints().validApiVersions(), info, new AccountController(databases),
                containers, objectsOrRemote, cors);
    }

    /** The remote clusters of federated storage policies ({@code ringway.federation.targets}), checked at start. */
    @Bean(destroyMethod = "close")
    Targets federationTargets(FederationProperties federation, StoragePolicies policies,
            ObjectProvider<MeterRegistry> registry) {
        return Targets.create(federation, policies, registry.getIfAvailable(SimpleMeterRegistry::new));
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
