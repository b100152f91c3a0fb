package io.ringway.config;

import io.ringway.storage.node.BackendServer;
import io.ringway.storage.node.DeviceRoot;
import io.ringway.storage.node.NodePorts;
import io.ringway.storage.node.NodeRecon;
import io.ringway.storage.node.StorageNodeProperties;
import io.ringway.storage.node.StorageNodeServers;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded storage node: its devices, its account, container and object servers on their
 * own ports, and its background sweeps. Runs when {@code ringway.role} is {@code storage}, or
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

    @Bean
    NodeRecon nodeRecon(DeviceRoot devices, Clock storageClock) {
        return new NodeRecon(devices, storageClock);
    }

    @Bean
    StorageNodeServers storageNodeServers(StorageNodeProperties properties, NodePorts ports,
            List<BackendServer> servers, NodeRecon recon) {
        return new StorageNodeServers(properties, ports, servers, recon);
    }
}
