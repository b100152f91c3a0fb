package io.ringway.config;

import io.ringway.policy.ReplicationPolicy;
import io.ringway.policy.StoragePolicy;
import io.ringway.policy.SwiftConf;
import io.ringway.ring.Device;
import io.ringway.ring.RingBuilder;
import io.ringway.ring.RingData;
import io.ringway.ring.RingFileReader;
import io.ringway.ring.RingFileWriter;
import io.ringway.ring.Rings;
import io.ringway.storage.node.ServerType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets up the swift dir of the embedded single-node cluster, as an operator would with
 * {@code swift-ring-builder}: a {@code swift.conf} with a random hash path prefix and suffix,
 * written once, and account, container and object rings whose devices are the node's own, each
 * device its own zone so that replicas land on distinct devices.
 *
 * <p>An existing ring is never rebalanced: rebalancing moves partitions, and nothing replicates
 * them yet. Only the ports of its devices are brought up to date, which moves nothing.
 */
final class EmbeddedCluster {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedCluster.class);

    private EmbeddedCluster() {
    }

    /** Creates what is missing in the embedded swift dir and returns the configuration found there. */
    static SwiftConf prepare(RingwayProperties.Embedded embedded, String ip, List<String> deviceNames,
            Map<ServerType, Integer> ports) throws IOException {
        Path dir = embedded.swiftDir().toAbsolutePath().normalize();
        Files.createDirectories(dir);
        Path confFile = dir.resolve("swift.conf");
        if (!Files.exists(confFile)) {
            writeAtomically(confFile, newSwiftConf().getBytes(StandardCharsets.UTF_8));
            log.info("Wrote {} with a new random hash path prefix and suffix: keep it with the data", confFile);
        }
        SwiftConf conf = SwiftConf.load(dir);
        int replicas = Math.min(embedded.replicas(), deviceNames.size());
        ensureRing(dir, "account", embedded.partPower(), replicas, devices(ip, ports.get(ServerType.ACCOUNT), deviceNames));
        ensureRing(dir, "container", embedded.partPower(), replicas,
                devices(ip, ports.get(ServerType.CONTAINER), deviceNames));
        for (StoragePolicy policy : conf.policies().all()) {
            if (policy instanceof ReplicationPolicy replication) {
                ensureRing(dir, replication.objectRingName(), embedded.partPower(), replicas,
                        devices(ip, ports.get(ServerType.OBJECT), deviceNames));
            }
        }
        return conf;
    }

    private static String newSwiftConf() {
        SecureRandom random = new SecureRandom();
        return """
                # Written by Ringway on first start for its embedded storage node.
                # The hash path prefix and suffix decide where every object lives: never change them.
                [swift-hash]
                swift_hash_path_prefix = %s
                swift_hash_path_suffix = %s

                [storage-policy:0]
                name = Policy-0
                default = yes
                """.formatted(randomHex(random), randomHex(random));
    }

    private static String randomHex(SecureRandom random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static List<Device> devices(String ip, @Nullable Integer port, List<String> deviceNames) {
        int resolvedPort = Objects.requireNonNull(port, "port");
        List<Device> devices = new ArrayList<>();
        for (int id = 0; id < deviceNames.size(); id++) {
            devices.add(Device.of(id, 1, id + 1, ip, resolvedPort, deviceNames.get(id), 100.0));
        }
        return devices;
    }

    private static void ensureRing(Path dir, String name, int partPower, int replicas, List<Device> wanted)
            throws IOException {
        Path file = Rings.file(dir, name);
        if (!Files.exists(file)) {
            RingFileWriter.write(RingBuilder.build(wanted, partPower, replicas, RingBuilder.DEFAULT_SEED), file);
            log.info("Built ring {} ({} devices, {} replicas, part power {})", file, wanted.size(), replicas, partPower);
            return;
        }
        RingData existing = RingFileReader.read(file);
        List<@Nullable Device> devices = new ArrayList<>(existing.devices());
        boolean portsChanged = false;
        for (int id = 0; id < devices.size(); id++) {
            Device device = devices.get(id);
            Device match = device == null ? null : wanted.stream()
                    .filter(w -> w.device().equals(device.device()) && w.ip().equals(device.ip()))
                    .findFirst()
                    .orElse(null);
            if (device != null && match != null && match.port() != device.port()) {
                devices.set(id, new Device(device.id(), device.region(), device.zone(), device.ip(), match.port(),
                        device.replicationIp(), match.port(), device.device(), device.weight(), device.meta()));
                portsChanged = true;
            }
        }
        if (devices.stream().filter(Objects::nonNull).count() != wanted.size()) {
            log.warn("Ring {} lists other devices than this node's {}; keeping it as it is "
                    + "(rebalancing would move data, and nothing replicates it yet)", file,
                    wanted.stream().map(Device::device).toList());
        }
        if (portsChanged) {
            RingFileWriter.write(new RingData(existing.partPower(), devices, table(existing), null, null), file);
            log.info("Updated the device ports of ring {}", file);
        }
    }

    private static int[][] table(RingData ring) {
        int[][] table = new int[ring.replicaRows()][];
        for (int replica = 0; replica < table.length; replica++) {
            table[replica] = new int[ring.rowLength(replica)];
            for (int part = 0; part < table[replica].length; part++) {
                table[replica][part] = ring.deviceId(replica, part);
            }
        }
        return table;
    }

    private static void writeAtomically(Path file, byte[] content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, content);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
