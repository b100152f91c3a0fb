package io.ringway.storage.node;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.MeterRegistry;
import io.ringway.storage.recon.NodeRecon;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.netty.DisposableServer;

/**
 * Runs the node's backend servers, each on its own port as Swift does (an object server and a
 * container server both accept {@code PUT /dev/part/a/c/o}, so they cannot share one), and
 * tells the ports they got.
 */
public final class StorageNodeServers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StorageNodeServers.class);

    private final StorageNodeProperties properties;
    private final NodePorts ports;
    private final List<BackendServer> servers;
    private final NodeRecon recon;
    private final MeterRegistry meters;
    private final Map<ServerType, DisposableServer> running = new EnumMap<>(ServerType.class);

    public StorageNodeServers(StorageNodeProperties properties, NodePorts ports, List<BackendServer> servers,
            NodeRecon recon, MeterRegistry meters) {
        this.properties = requireNonNull(properties, "properties");
        this.meters = requireNonNull(meters, "meters");
        this.ports = requireNonNull(ports, "ports");
        this.servers = List.copyOf(servers);
        this.recon = requireNonNull(recon, "recon");
    }

    @Override
    public synchronized void start() {
        for (BackendServer server : servers) {
            ServerType type = server.type();
            if (!properties.servers().contains(type) || running.containsKey(type)) {
                continue;
            }
            DisposableServer bound = BackendHttpServer.bind(
                    StorageNodeHandler.httpHandler(server, recon, meters), properties.bindIp(), ports.port(type));
            running.put(type, bound);
            log.info("Storage node {} server listening on {}:{} (devices {})",
                    type.swiftName(), properties.bindIp(), bound.port(), properties.devices().toAbsolutePath());
        }
    }

    @Override
    public synchronized void stop() {
        running.values().forEach(DisposableServer::disposeNow);
        running.clear();
    }

    @Override
    public synchronized boolean isRunning() {
        return !running.isEmpty();
    }

    /** The port a running server listens on. */
    public synchronized int port(ServerType type) {
        DisposableServer server = running.get(type);
        if (server == null) {
            throw new IllegalStateException(type.swiftName() + " server is not running");
        }
        return server.port();
    }
}
