package io.ringway.config;

import io.ringway.policy.StoragePolicies;
import io.ringway.policy.SwiftConf;
import io.ringway.ring.Rings;
import io.ringway.storage.node.NodePorts;
import io.ringway.storage.node.StorageNodeProperties;
import io.ringway.swift.HashPath;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The cluster description: {@code swift.conf} (hash path, storage policies, constraints) and the
 * rings, read from {@code ringway.swift-dir}, or from the embedded cluster's swift dir, which is
 * set up on first start.
 */
@Configuration(proxyBeanMethods = false)
class SwiftClusterConfiguration {

    @Bean
    NodePorts nodePorts(StorageNodeProperties node) {
        return NodePorts.resolve(node);
    }

    @Bean
    SwiftConf swiftConf(RingwayProperties properties, StorageNodeProperties node, NodePorts ports)
            throws IOException {
        if (!properties.isEmbeddedCluster()) {
            return SwiftConf.load(properties.effectiveSwiftDir());
        }
        return EmbeddedCluster.prepare(properties.embedded(), node.bindIp(), node.deviceNames(), ports.asMap());
    }

    @Bean
    HashPath hashPath(SwiftConf conf) {
        return conf.hashPath();
    }

    @Bean
    StoragePolicies storagePolicies(SwiftConf conf) {
        return conf.policies();
    }

    /** The rings route the gateway's requests; a storage node alone does not read them. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(RunsGateway.class)
    static class RingsConfiguration {

        @Bean
        Rings rings(RingwayProperties properties, SwiftConf conf) throws IOException {
            return Rings.load(properties.effectiveSwiftDir(), conf);
        }

        @Bean
        SwiftDirReloader swiftDirReloader(Rings rings, RingwayProperties properties, SwiftConf conf) {
            return new SwiftDirReloader(properties.effectiveSwiftDir(), conf, rings, properties.ringReloadTime());
        }
    }
}
