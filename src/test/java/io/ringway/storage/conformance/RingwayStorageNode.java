package io.ringway.storage.conformance;

import static java.util.Objects.requireNonNull;

import io.ringway.RingwayApplication;
import io.ringway.storage.node.ServerType;
import io.ringway.storage.node.StorageNodeServers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.beans.BeansException;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Ringway's own storage node, booted as the application would be (the real Spring context, so
 * the test covers the wiring too), with every server on a free loopback port and its devices
 * under a temporary directory.
 *
 * <p>{@code ringway.swift-dir} points at a directory with the {@code swift.conf} the real servers
 * use (by default {@code /etc/swift}) so both hash paths alike.
 */
final class RingwayStorageNode implements AutoCloseable {

    static final List<String> DEVICE_NAMES = List.of("d1", "d2", "d3");

    private final ConfigurableApplicationContext context;
    private final Path devices;

    private RingwayStorageNode(ConfigurableApplicationContext context, Path devices) {
        this.context = requireNonNull(context, "context");
        this.devices = requireNonNull(devices, "devices");
    }

    /** Boots the application; its devices {@code d1,d2,d3} are created under {@code devices}. */
    static RingwayStorageNode start(Path devices, Path swiftDir) throws IOException {
        for (String name : DEVICE_NAMES) {
            Files.createDirectories(devices.resolve(name));
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(RingwayApplication.class)
                // REACTIVE so the context is the one production runs (its gateway on a free port too).
                .web(WebApplicationType.REACTIVE)
                // Command-line arguments, not default properties: those lose to application.yml.
                .run("--spring.main.banner-mode=off",
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--management.server.port=0",
                        "--management.server.address=127.0.0.1",
                        // A storage node of the cluster that swift-dir describes, as a pod would run.
                        "--ringway.role=storage",
                        "--ringway.storage.bind-ip=127.0.0.1",
                        "--ringway.storage.mount-check=false",
                        "--ringway.storage.devices=" + devices.toAbsolutePath(),
                        "--ringway.storage.recon-cache-path=" + devices.resolveSibling("recon").toAbsolutePath(),
                        "--ringway.storage.device-names=" + String.join(",", DEVICE_NAMES),
                        "--ringway.storage.account-port=0",
                        "--ringway.storage.container-port=0",
                        "--ringway.storage.object-port=0",
                        "--ringway.swift-dir=" + swiftDir.toAbsolutePath());
        return new RingwayStorageNode(context, devices);
    }

    /**
     * The port of one of the node's servers.
     *
     * @throws IllegalStateException when the node runs no such server (not written or not wired
     *     yet, or left out of {@code ringway.storage.servers})
     */
    int port(ServerType type) {
        try {
            return context.getBean(StorageNodeServers.class).port(type);
        } catch (BeansException e) {
            throw new IllegalStateException("the application declares no StorageNodeServers bean", e);
        }
    }

    Path devices() {
        return devices;
    }

    @Override
    public void close() {
        context.close();
    }
}
