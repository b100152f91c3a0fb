package io.ringway.gateway.cluster;

import io.ringway.policy.SwiftConf;
import io.ringway.ring.Device;
import io.ringway.ring.RingBuilder;
import io.ringway.ring.RingFileWriter;
import io.ringway.ring.Rings;
import io.ringway.storage.node.ServerType;
import io.ringway.storage.node.StorageNodeServers;
import io.ringway.swift.HashPath;
import io.ringway.swift.Timestamp;
import io.ringway.testing.RingwayApps;
import io.ringway.testing.http.RawHttpClient;
import io.ringway.testing.http.RawRequest;
import io.ringway.testing.http.RawResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A whole cluster in one JVM, as an operator would run it on three machines: three Ringway
 * storage nodes ({@code ringway.role=storage}, one device each, {@code d1} to {@code d3}, their
 * account, container and object servers on free loopback ports, updaters every second), a
 * {@link TcpRelay} in front of each of those nine servers, a swift dir with a hash path and two
 * policies ({@code gold}, default, and {@code silver}) whose account, container and object rings
 * put 3 replicas over the relays' ports (node {@code i} in zone {@code i + 1}), and the gateway
 * ({@code ringway.role=gateway}) over that swift dir on a free port.
 *
 * <p>The gateway reads nodes in index order ({@code sorting_method = affinity}, zone 1 first), so
 * a test knows which node serves a GET first, and has short timeouts ({@link #CONN_TIMEOUT},
 * {@link #NODE_TIMEOUT}, {@link #RECOVERABLE_NODE_TIMEOUT}) so faults take seconds. Error
 * limiting is effectively off: a fault in one test must not change which node the next one reads.
 * Faults are undone by {@link #heal()}; {@link #close()} stops everything.
 */
public final class ThreeNodeCluster implements AutoCloseable {

    public static final int NODES = 3;
    public static final String CONN_TIMEOUT = "500ms";
    public static final String NODE_TIMEOUT = "3s";
    public static final String RECOVERABLE_NODE_TIMEOUT = "1s";
    /** The hash path of this cluster's swift.conf. */
    public static final HashPath HASH_PATH = new HashPath("ringway-faults-prefix", "ringway-faults-suffix");

    private static final int PART_POWER = 6;

    private final Path base;
    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    private final List<Map<ServerType, TcpRelay>> relays = new ArrayList<>();
    private final ConfigurableApplicationContext gateway;

    private ThreeNodeCluster(Path base, String... gatewayArgs) throws IOException {
        this.base = base;
        Path etc = base.resolve("etc");
        writeSwiftConf(etc, HASH_PATH);
        try {
            for (int i = 0; i < NODES; i++) {
                ConfigurableApplicationContext node = RingwayApps.start(base.resolve("node" + i),
                        WebApplicationType.NONE,
                        "--ringway.role=storage",
                        "--ringway.swift-dir=" + etc,
                        "--ringway.storage.device-names=" + device(i),
                        // Async pendings and container stats move within a second or two.
                        "--ringway.storage.updater-interval=1s");
                nodes.add(node);
                StorageNodeServers servers = node.getBean(StorageNodeServers.class);
                Map<ServerType, TcpRelay> nodeRelays = new EnumMap<>(ServerType.class);
                for (ServerType type : ServerType.values()) {
                    nodeRelays.put(type, TcpRelay.to("node" + i + "-" + type.swiftName(), servers.port(type)));
                }
                relays.add(nodeRelays);
            }
            writeRings(etc);
            List<String> args = new ArrayList<>(List.of(
                    "--ringway.role=gateway",
                    "--ringway.swift-dir=" + etc,
                    // Swift's sample pipeline without tempauth: these tests are about the data path.
                    "--ringway.pipeline=catch_errors,gatekeeper,healthcheck,proxy_logging,cache,listing_formats,copy,"
                            + "proxy_logging",
                    "--ringway.backend.conn_timeout=" + CONN_TIMEOUT,
                    "--ringway.backend.node_timeout=" + NODE_TIMEOUT,
                    "--ringway.backend.recoverable_node_timeout=" + RECOVERABLE_NODE_TIMEOUT,
                    "--ringway.backend.post_quorum_timeout=500ms",
                    "--ringway.backend.error_suppression_limit=100000",
                    "--ringway.backend.sorting_method=affinity",
                    "--ringway.backend.read_affinity=r1z1=100, r1z2=200, r1z3=300"));
            args.addAll(List.of(gatewayArgs));
            this.gateway = RingwayApps.start(base.resolve("gateway"), WebApplicationType.REACTIVE,
                    args.toArray(String[]::new));
        } catch (RuntimeException | IOException e) {
            closeQuietly();
            throw e;
        }
    }

    /** Boots the cluster under {@code base}; extra gateway arguments win over the defaults. */
    public static ThreeNodeCluster start(Path base, String... gatewayArgs) {
        try {
            return new ThreeNodeCluster(base, gatewayArgs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up the cluster under " + base, e);
        }
    }

    /** The device of node {@code index}. */
    public static String device(int index) {
        return "d" + (index + 1);
    }

    /** A client of the gateway's Swift API port. */
    public RawHttpClient gateway() {
        return RawHttpClient.local(((WebServerApplicationContext) gateway).getWebServer().getPort());
    }

    /** The gateway's application context (its beans, such as {@link Rings}). */
    public ConfigurableApplicationContext gatewayContext() {
        return gateway;
    }

    /** Node {@code index}'s application context (its beans, such as its auditors). */
    public ConfigurableApplicationContext nodeContext(int index) {
        return nodes.get(index);
    }

    /** The cluster's swift dir: swift.conf and the rings over the relays' ports. */
    public Path swiftDir() {
        return base.resolve("etc");
    }

    /** The relay in front of node {@code index}'s server of {@code type}. */
    public TcpRelay relay(int index, ServerType type) {
        return relays.get(index).get(type);
    }

    /** Every relay of {@code type}, in node order. */
    public List<TcpRelay> relays(ServerType type) {
        return relays.stream().map(r -> r.get(type)).toList();
    }

    /** Node {@code index}'s own port for {@code type}, behind its relay (direct requests skip faults). */
    public int directPort(int index, ServerType type) {
        return nodes.get(index).getBean(StorageNodeServers.class).port(type);
    }

    /** Undoes every fault: all relays relay and listen again. */
    public void heal() {
        for (Map<ServerType, TcpRelay> nodeRelays : relays) {
            for (TcpRelay relay : nodeRelays.values()) {
                relay.heal();
            }
        }
    }

    /**
     * Creates the account and the container (policy {@code policyIndex}) on every node, as
     * Swift's proxy would, straight on the servers' own ports: the Swift API's account and
     * container controllers are not needed for object tests.
     */
    public void createContainer(String account, String container, int policyIndex) {
        Rings rings = gateway.getBean(Rings.class);
        String timestamp = Timestamp.ofMillis(System.currentTimeMillis()).internal();
        int accountPartition = rings.account().partition(account, null, null);
        int containerPartition = rings.container().partition(account, container, null);
        for (int i = 0; i < NODES; i++) {
            direct(i, ServerType.ACCOUNT, "PUT", "/" + device(i) + "/" + accountPartition + "/" + account,
                    "X-Timestamp", timestamp);
            direct(i, ServerType.CONTAINER, "PUT",
                    "/" + device(i) + "/" + containerPartition + "/" + account + "/" + container,
                    "X-Timestamp", timestamp, "X-Backend-Storage-Policy-Index", Integer.toString(policyIndex));
        }
    }

    /** Sends a bodiless request to node {@code index}'s server of {@code type}, past its relay; must be 2xx. */
    public RawResponse direct(int index, ServerType type, String method, String path, String... headers) {
        RawResponse response = RawHttpClient.local(directPort(index, type)).send(RawRequest.of(method, path)
                .header("Host", "127.0.0.1")
                .headers(headers)
                .header("Content-Length", "0"));
        if (response.status() < 200 || response.status() >= 300) {
            throw new IllegalStateException(method + " " + path + " on node " + index + " " + type.swiftName()
                    + ": " + response.status() + " " + response.text());
        }
        return response;
    }

    /** The device directory of node {@code index}. */
    public Path deviceDir(int index) {
        return base.resolve("node" + index).resolve("node").resolve(device(index));
    }

    /** The node whose devices hold {@code file}. */
    public int nodeOf(Path file) {
        for (int i = 0; i < NODES; i++) {
            if (file.startsWith(deviceDir(i))) {
                return i;
            }
        }
        throw new IllegalArgumentException("not on a node: " + file);
    }

    /** Every regular file under {@code objects*} of every node whose path names the object's hash. */
    public List<Path> objectFiles(String account, String container, String object) {
        String hash = HASH_PATH.hex(account, container, object);
        List<Path> found = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            found.addAll(filesUnder(deviceDir(i), path -> path.toString().contains(hash)));
        }
        return found;
    }

    /** Every regular file under node {@code index}'s {@code dir} (such as {@code async_pending}). */
    public List<Path> files(int index, String dir) {
        return filesUnder(deviceDir(index).resolve(dir), path -> true);
    }

    /** The relays and their state, for failure messages. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("cluster under ").append(base);
        relays.forEach(nodeRelays -> nodeRelays.values().forEach(relay -> text.append("\n  ").append(relay)));
        return text.toString();
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        if (gateway != null) {
            gateway.close();
        }
        for (Map<ServerType, TcpRelay> nodeRelays : relays) {
            nodeRelays.values().forEach(TcpRelay::close);
        }
        nodes.forEach(ConfigurableApplicationContext::close);
    }

    private static List<Path> filesUnder(Path root, java.util.function.Predicate<Path> filter) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        for (int attempt = 0; ; attempt++) {
            try (Stream<Path> files = Files.walk(root)) {
                return files.filter(Files::isRegularFile).filter(filter).toList();
            } catch (IOException | UncheckedIOException e) {
                // A server renamed or removed a file while we walked (temp files come and go): look again.
                if (attempt == 10) {
                    throw new IllegalStateException("cannot list " + root, e);
                }
            }
        }
    }

    /** The swift.conf of the test clusters here: the given hash path, policies 0 gold (default) and 1 silver. */
    static void writeSwiftConf(Path etc, HashPath hashPath) throws IOException {
        Files.createDirectories(etc);
        Files.writeString(etc.resolve(SwiftConf.FILE_NAME), """
                [swift-hash]
                swift_hash_path_prefix = %s
                swift_hash_path_suffix = %s

                [storage-policy:0]
                name = gold
                default = yes

                [storage-policy:1]
                name = silver
                """.formatted(hashPath.prefix(), hashPath.suffix()), StandardCharsets.UTF_8);
    }

    private void writeRings(Path etc) throws IOException {
        ring(etc, "account", ServerType.ACCOUNT);
        ring(etc, "container", ServerType.CONTAINER);
        ring(etc, "object", ServerType.OBJECT);
        ring(etc, "object-1", ServerType.OBJECT);
    }

    private void ring(Path etc, String name, ServerType type) throws IOException {
        List<Device> devices = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            devices.add(Device.of(i, 1, i + 1, "127.0.0.1", relay(i, type).port(), device(i), 100.0));
        }
        RingFileWriter.write(RingBuilder.build(devices, PART_POWER, NODES, RingBuilder.DEFAULT_SEED),
                Rings.file(etc, name));
    }
}
