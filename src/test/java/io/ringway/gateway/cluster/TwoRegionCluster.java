package io.ringway.gateway.cluster;

import io.ringway.ring.Device;
import io.ringway.ring.Node;
import io.ringway.ring.Ring;
import io.ringway.ring.RingBuilder;
import io.ringway.ring.RingFileWriter;
import io.ringway.ring.Rings;
import io.ringway.storage.node.ServerType;
import io.ringway.storage.node.StorageNodeServers;
import io.ringway.swift.HashPath;
import io.ringway.testing.RingwayApps;
import io.ringway.testing.http.RawHttpClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A cluster of two regions in one JVM, for node selection tests: one Ringway storage node
 * ({@code ringway.role=storage}) with six devices, {@code d1} to {@code d6}, whose rings put
 * {@code d1}-{@code d3} in region 1 and {@code d4}-{@code d6} in region 2 (one zone each, 3
 * replicas), two policies ({@code gold}, default, and {@code silver}), and the gateway
 * ({@code ringway.role=gateway}) over that swift dir with {@code account_autocreate} and no auth
 * stage. Regions are ring data only, so one node serving every device is enough to see where
 * the gateway sends requests: each device is a directory of its own.
 */
public final class TwoRegionCluster implements AutoCloseable {

    public static final int DEVICES = 6;
    public static final HashPath HASH_PATH = new HashPath("ringway-regions-prefix", "ringway-regions-suffix");

    private static final int PART_POWER = 6;

    private final Path base;
    private final ConfigurableApplicationContext node;
    private final ConfigurableApplicationContext gateway;

    private TwoRegionCluster(Path base, String... gatewayArgs) throws IOException {
        this.base = base;
        Path etc = base.resolve("etc");
        ThreeNodeCluster.writeSwiftConf(etc, HASH_PATH);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < DEVICES; i++) {
            names.add(device(i));
        }
        this.node = RingwayApps.start(base.resolve("node"), WebApplicationType.NONE,
                "--ringway.role=storage",
                "--ringway.swift-dir=" + etc,
                "--ringway.storage.device-names=" + String.join(",", names),
                // Async pendings move within a second or two.
                "--ringway.storage.updater-interval=1s");
        ConfigurableApplicationContext started = null;
        try {
            StorageNodeServers servers = node.getBean(StorageNodeServers.class);
            for (String ring : List.of("account", "container", "object", "object-1")) {
                ServerType type = ring.startsWith("object") ? ServerType.OBJECT
                        : ring.equals("account") ? ServerType.ACCOUNT : ServerType.CONTAINER;
                writeRing(etc, ring, servers.port(type));
            }
            List<String> args = new ArrayList<>(List.of(
                    "--ringway.role=gateway",
                    "--ringway.swift-dir=" + etc,
                    "--ringway.pipeline=catch_errors,gatekeeper,healthcheck,proxy_logging,cache,listing_formats,"
                            + "proxy_logging",
                    "--ringway.proxy.account_autocreate=true",
                    "--ringway.backend.node_timeout=20s",
                    "--ringway.backend.conn_timeout=5s",
                    "--ringway.backend.post_quorum_timeout=20s"));
            args.addAll(List.of(gatewayArgs));
            started = RingwayApps.start(base.resolve("gateway"), WebApplicationType.REACTIVE,
                    args.toArray(String[]::new));
        } catch (RuntimeException | IOException e) {
            node.close();
            throw e;
        }
        this.gateway = started;
    }

    /** Boots the cluster under {@code base}; extra gateway arguments win over the defaults. */
    public static TwoRegionCluster start(Path base, String... gatewayArgs) {
        try {
            return new TwoRegionCluster(base, gatewayArgs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up the cluster under " + base, e);
        }
    }

    /** The name of device {@code index}. */
    public static String device(int index) {
        return "d" + (index + 1);
    }

    /** The region of device {@code index}: 1 for the first half, 2 for the second. */
    public static int region(int index) {
        return index < DEVICES / 2 ? 1 : 2;
    }

    /** The indexes of the devices of {@code region}. */
    public static Set<Integer> devicesOf(int region) {
        Set<Integer> found = new TreeSet<>();
        for (int i = 0; i < DEVICES; i++) {
            if (region(i) == region) {
                found.add(i);
            }
        }
        return found;
    }

    /** A client of the gateway's Swift API port. */
    public RawHttpClient gateway() {
        int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
        return new RawHttpClient("127.0.0.1", port, Duration.ofSeconds(60));
    }

    /** The device indexes of the object's primaries in policy {@code policyIndex}'s ring. */
    public Set<Integer> primaries(int policyIndex, String account, String container, String object) {
        Ring ring = gateway.getBean(Rings.class).object(policyIndex);
        Set<Integer> found = new TreeSet<>();
        for (Node primary : ring.primaryNodes(ring.partition(account, container, object))) {
            found.add(primary.deviceId());
        }
        return found;
    }

    /** The devices holding a file of the object whose name ends with {@code suffix} ({@code .data}, {@code .ts}). */
    public Set<Integer> devicesWith(String account, String container, String object, String suffix) {
        String hash = HASH_PATH.hex(account, container, object);
        Set<Integer> found = new TreeSet<>();
        for (int i = 0; i < DEVICES; i++) {
            Path root = base.resolve("node").resolve("node").resolve(device(i));
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                if (files.anyMatch(p -> p.toString().contains(hash) && p.getFileName().toString().endsWith(suffix))) {
                    found.add(i);
                }
            } catch (IOException | UncheckedIOException e) {
                throw new IllegalStateException("cannot list " + root + " (a file moved while listing?)", e);
            }
        }
        return found;
    }

    @Override
    public void close() {
        gateway.close();
        node.close();
    }


    private static void writeRing(Path etc, String name, int port) throws IOException {
        List<Device> devices = new ArrayList<>();
        for (int i = 0; i < DEVICES; i++) {
            devices.add(Device.of(i, region(i), i + 1, "127.0.0.1", port, device(i), 100.0));
        }
        RingFileWriter.write(RingBuilder.build(devices, PART_POWER, 3, RingBuilder.DEFAULT_SEED),
                Rings.file(etc, name));
    }
}
