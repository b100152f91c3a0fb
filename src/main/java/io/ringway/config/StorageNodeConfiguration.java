package io.ringway.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.ringway.api.recon.HostRecon;
import io.ringway.info.RingwayVersion;
import io.ringway.policy.StoragePolicies;
import io.ringway.policy.StoragePolicy;
import io.ringway.storage.account.AccountServer;
import io.ringway.storage.account.AccountSettings;
import io.ringway.storage.audit.AuditorProperties;
import io.ringway.storage.audit.DatabaseAuditor;
import io.ringway.storage.audit.NodeAuditors;
import io.ringway.storage.audit.ObjectAuditor;
import io.ringway.storage.audit.watcher.WatcherOptions;
import io.ringway.storage.audit.watcher.WatcherReportHandler;
import io.ringway.storage.audit.watcher.Watchers;
import io.ringway.storage.audit.watcher.accountlocation.AccountLocations;
import io.ringway.storage.container.ContainerServer;
import io.ringway.storage.container.ContainerSettings;
import io.ringway.storage.container.ContainerUpdater;
import io.ringway.storage.db.DatabaseReclaimer;
import io.ringway.storage.node.BackendServer;
import io.ringway.storage.node.DeviceRoot;
import io.ringway.storage.node.NodePorts;
import io.ringway.storage.node.NodeSweeps;
import io.ringway.storage.node.ServerType;
import io.ringway.storage.node.StorageNodeProperties;
import io.ringway.storage.node.StorageNodeServers;
import io.ringway.storage.object.ObjectServer;
import io.ringway.storage.object.ObjectServerSettings;
import io.ringway.storage.object.ObjectUpdater;
import io.ringway.storage.object.ObjectUpdaterSettings;
import io.ringway.storage.recon.NodeRecon;
import io.ringway.storage.recon.ReconCache;
import io.ringway.storage.recon.ReconFile;
import io.ringway.storage.recon.ReconGauges;
import io.ringway.storage.recon.ReconPasses;
import io.ringway.swift.HashPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The embedded storage node: its devices, its account, container and object servers on their
 * own ports, and its background passes. Runs when {@code ringway.role} is {@code storage}, or
 * {@code all} without an external {@code ringway.swift-dir}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(RunsStorageNode.class)
class StorageNodeConfiguration {

    @Bean
    Clock storageClock() {
        return Clock.systemUTC();
    }

    @Bean
    DeviceRoot deviceRoot(StorageNodeProperties properties) throws IOException {
        DeviceRoot root = new DeviceRoot(properties.devices(), properties.mountCheck());
        if (!properties.mountCheck()) {
            // Without mount checks a device is a plain directory: create the configured ones.
            for (String device : properties.deviceNames()) {
                Files.createDirectories(root.root().resolve(device));
            }
        }
        return root;
    }

    /** The client the node's servers use to update each other (container rows, account rows). */
    @Bean(destroyMethod = "dispose")
    ConnectionProvider storageNodeConnections() {
        return ConnectionProvider.builder("storage-node-updates").maxConnections(64).build();
    }

    @Bean
    HttpClient storageNodeHttpClient(ConnectionProvider storageNodeConnections) {
        return HttpClient.create(storageNodeConnections);
    }

    @Bean
    ReconCache reconCache(StorageNodeProperties properties) {
        return new ReconCache(properties.reconCachePath());
    }

    /** Recon's values as gauges, read again every 15 s: Prometheus' shortest usual scrape interval. */
    @Bean
    ReconGauges reconGauges(DeviceRoot devices, ReconCache reconCache, ObjectProvider<MeterRegistry> meters) {
        return new ReconGauges(devices, reconCache, meters.getIfAvailable(CompositeMeterRegistry::new),
                Duration.ofSeconds(15));
    }

    /** Recon on every port of the node: its own checks and the host's ({@link HostRecon}). */
    @Bean
    NodeRecon nodeRecon(DeviceRoot devices, Clock storageClock, ReconCache reconCache, RingwayProperties ringway,
            StoragePolicies policies) {
        Path proc = Path.of("/proc");
        return new NodeRecon(devices, storageClock, reconCache, proc, new HostRecon(proc,
                ringway.effectiveSwiftDir().toAbsolutePath().normalize(), policies, RingwayVersion.recon()).checks());
    }

    @Bean
    ContainerSettings containerSettings() {
        return ContainerSettings.defaults();
    }

    @Bean
    ContainerServer containerServer(DeviceRoot devices, HashPath hashPath, ContainerSettings settings,
            Clock storageClock, HttpClient storageNodeHttpClient, StoragePolicies policies) {
        return new ContainerServer(devices, hashPath, settings, storageClock, storageNodeHttpClient,
                policyIndexes(policies));
    }

    @Bean
    AccountServer accountServer(DeviceRoot devices, HashPath hashPath, Clock storageClock,
            StoragePolicies policies) {
        Map<Integer, String> names = new LinkedHashMap<>();
        policies.all().forEach(policy -> names.put(policy.index(), policy.name()));
        return new AccountServer(devices, hashPath, AccountSettings.defaults(), storageClock, names);
    }

    @Bean
    ObjectServer objectServer(DeviceRoot devices, HashPath hashPath, Clock storageClock,
            HttpClient storageNodeHttpClient, StoragePolicies policies) {
        return new ObjectServer(devices, hashPath, ObjectServerSettings.defaults(), storageClock, storageNodeHttpClient,
                policyIndexes(policies));
    }

    @Bean
    StorageNodeServers storageNodeServers(StorageNodeProperties properties, NodePorts ports,
            List<BackendServer> servers, NodeRecon recon, ObjectProvider<MeterRegistry> meters) {
        return new StorageNodeServers(properties, ports, servers, recon,
                meters.getIfAvailable(CompositeMeterRegistry::new));
    }

    /** {@code account_location}'s reports: recon's {@code /recon/account_location} and a gauge. */
    @Bean
    AccountLocations accountLocations(ReconCache reconCache, ObjectProvider<MeterRegistry> registry) {
        return new AccountLocations(reconCache, registry.getIfAvailable());
    }

    /** The audit watchers, each pass's in a child JVM; they get the cluster's swift dir and the devices. */
    @Bean
    Watchers auditWatchers(AuditorProperties auditor, StorageNodeProperties properties, RingwayProperties ringway,
            List<WatcherReportHandler> handlers) {
        Map<String, String> common = Map.of(
                "swift_dir", ringway.effectiveSwiftDir().toAbsolutePath().normalize().toString(),
                "devices", properties.devices().toAbsolutePath().normalize().toString());
        return new Watchers(new WatcherOptions(auditor.watchers(), auditor.watcher(), common,
                auditor.watcherTimeout(), auditor.watcherPassBudget(), auditor.watcherStartTimeout(),
                auditor.watcherExitDelay(), auditor.watcherHeap().toBytes(), auditor.watcherClasspath(),
                auditor.watcherJvmOptions()), handlers);
    }

    @Bean(destroyMethod = "close")
    NodeAuditors nodeAuditors(AuditorProperties auditor, DeviceRoot devices, Watchers auditWatchers,
            ReconCache reconCache) {
        return new NodeAuditors(
                new ObjectAuditor(devices, auditor.objectRates(), auditWatchers, reconCache),
                new DatabaseAuditor(devices, ServerType.CONTAINER, auditor.containersPerSecond(), auditWatchers,
                        reconCache),
                new DatabaseAuditor(devices, ServerType.ACCOUNT, auditor.accountsPerSecond(), auditWatchers,
                        reconCache));
    }

    @Bean
    NodeSweeps nodeSweeps(StorageNodeProperties properties, DeviceRoot devices, ContainerSettings containerSettings,
            HttpClient storageNodeHttpClient, Clock storageClock, ReconCache reconCache, NodeAuditors auditors,
            AuditorProperties auditor) {
        ObjectUpdater objectUpdater = new ObjectUpdater(devices,
                withInterval(ObjectUpdaterSettings.defaults(), properties.updaterInterval()), storageNodeHttpClient);
        ContainerUpdater containerUpdater = new ContainerUpdater(devices, containerSettings, storageNodeHttpClient);
        DatabaseReclaimer containerReclaimer =
                new DatabaseReclaimer(devices, ServerType.CONTAINER, properties.reclaimAge(), storageClock);
        DatabaseReclaimer accountReclaimer =
                new DatabaseReclaimer(devices, ServerType.ACCOUNT, properties.reclaimAge(), storageClock);
        List<NodeSweeps.Sweep> updatersAndReclaimers = List.of(
                new NodeSweeps.Sweep("object-updater", properties.updaterInterval(),
                        () -> ReconPasses.recorded(objectUpdater.sweep(), reconCache, ReconFile.OBJECT,
                                // what is left pending once the pass is over: swift-recon-cron's count
                                (sweep, seconds) -> Map.of("object_updater_sweep", seconds,
                                        "async_pending", sweep.failures(), "async_pending_last", ReconPasses.now()))),
                new NodeSweeps.Sweep("container-updater", properties.updaterInterval(),
                        () -> ReconPasses.recorded(containerUpdater.sweep(), reconCache, ReconFile.CONTAINER,
                                (sweep, seconds) -> Map.of("container_updater_sweep", seconds))),
                new NodeSweeps.Sweep("container-reclaimer", properties.reclaimInterval(), containerReclaimer::sweep),
                new NodeSweeps.Sweep("account-reclaimer", properties.reclaimInterval(), accountReclaimer::sweep));
        return new NodeSweeps(
                Stream.concat(updatersAndReclaimers.stream(), auditors.sweeps(auditor).stream()).toList());
    }

    private static Set<Integer> policyIndexes(StoragePolicies policies) {
        return policies.all().stream().map(StoragePolicy::index).collect(Collectors.toSet());
    }

    private static ObjectUpdaterSettings withInterval(ObjectUpdaterSettings settings, Duration interval) {
        return new ObjectUpdaterSettings(interval, settings.concurrency(), settings.nodeTimeout(), settings.connTimeout());
    }
}
