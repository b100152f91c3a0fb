package io.ringway.config;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.ringway.backend.BackendRequests;
import io.ringway.backend.BackendSettings;
import io.ringway.backend.InfoFetcher;
import io.ringway.backend.NodeHealth;
import io.ringway.backend.NodeSelection;
import io.ringway.backend.PolicyOptions;
import io.ringway.backend.NodeTimings;
import io.ringway.backend.ObjectGet;
import io.ringway.backend.ObjectPut;
import io.ringway.backend.StorageNodeClient;
import io.ringway.backend.StorageNodes;
import io.ringway.middleware.StageConfigs;
import io.ringway.middleware.acl.AclSource;
import io.ringway.middleware.cache.CacheConfig;
import io.ringway.middleware.cache.InfoCache;
import io.ringway.middleware.cache.InfoCacheAclSource;
import io.ringway.policy.StoragePolicies;
import io.ringway.ring.Rings;
import java.time.Clock;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The gateway's data path to storage nodes: Swift's proxy options ({@code ringway.backend.*}),
 * the one client, per-node error limits and timings, object GET/PUT, the fan-out of other
 * requests, and the account/container info the cache stage serves.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(RunsGateway.class)
class BackendConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(BackendConfiguration.class);

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
    NodeHealth nodeHealth(BackendSettings settings, ObjectProvider<MeterRegistry> meters) {
        return new NodeHealth(settings, Clock.systemUTC(), meters.getIfAvailable(CompositeMeterRegistry::new));
    }

    @Bean
    NodeTimings nodeTimings(BackendSettings settings) {
        return new NodeTimings(settings, Clock.systemUTC());
    }

    /**
     * {@code sorting_method}, {@code read_affinity} and write affinity, the proxy's and per policy
     * ({@code ringway.backend.policies.<index>.*}), checked as Swift's {@code check_config}: an
     * override of a policy swift.conf does not define fails the start.
     */
    @Bean
    NodeSelection nodeSelection(BackendSettings settings, StoragePolicies policies) {
        NodeSelection selection = settings.nodeSelection();
        for (int index : selection.overriddenPolicies()) {
            if (policies.byIndex(index).isEmpty()) {
                throw new IllegalArgumentException(
                        "ringway.backend.policies." + index + ": no policy found for override config, index: " + index);
            }
        }
        warnOfUnusedReadAffinity("(default)", selection.options(null));
        selection.overriddenPolicies()
                .forEach(index -> warnOfUnusedReadAffinity("policy " + index, selection.options(index)));
        return selection;
    }

    @Bean
    StorageNodes storageNodes(StorageNodeClient client, NodeHealth health, NodeTimings timings,
            NodeSelection selection) {
        return new StorageNodes(client, health, timings, new Random(), selection);
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

    private static void warnOfUnusedReadAffinity(String label, PolicyOptions options) {
        if (options.hasReadAffinity() && !options.sortingMethod().equals("affinity")) {
            LOG.warn("sorting_method is set to '{}', not 'affinity'; {} read_affinity setting will have no effect.",
                    options.sortingMethod(), label);
        }
    }
}
