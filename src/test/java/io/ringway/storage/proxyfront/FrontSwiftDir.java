package io.ringway.storage.proxyfront;

import io.ringway.policy.ReplicationPolicy;
import io.ringway.policy.StoragePolicy;
import io.ringway.policy.SwiftConf;
import io.ringway.ring.Device;
import io.ringway.ring.Ring;
import io.ringway.ring.RingBuilder;
import io.ringway.ring.RingFileReader;
import io.ringway.ring.RingFileWriter;
import io.ringway.ring.Rings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The swift dir that the proxy and Ringway's node share: {@code /etc/swift/swift.conf} copied as
 * it is (Swift's proxy reads the hash path and the policies only from there, so Ringway must see
 * the same), and account, container and object rings built with Ringway's {@link RingBuilder},
 * devices {@code d1..d3} on 127.0.0.1 at the node's ports.
 */
final class FrontSwiftDir {

    static final Path SYSTEM_SWIFT_DIR = Path.of("/etc/swift");
    static final List<String> DEVICES = List.of("d1", "d2", "d3");

    private static final int PART_POWER = 8;
    // Policy 0 takes the usual 3 replicas; other policies 2, so a policy with fewer replicas is covered too.
    private static final int REPLICAS = 3;
    private static final int OTHER_POLICY_REPLICAS = 2;

    private FrontSwiftDir() {
    }

    /** Writes swift.conf and every ring into {@code dir}; returns the configuration the proxy sees. */
    static SwiftConf write(Path dir, int accountPort, int containerPort, int objectPort) throws IOException {
        Files.createDirectories(dir);
        Files.copy(SYSTEM_SWIFT_DIR.resolve(SwiftConf.FILE_NAME), dir.resolve(SwiftConf.FILE_NAME));
        SwiftConf conf = SwiftConf.load(SYSTEM_SWIFT_DIR);
        ring(dir, "account", accountPort, REPLICAS);
        ring(dir, "container", containerPort, REPLICAS);
        for (StoragePolicy policy : conf.policies().all()) {
            if (policy instanceof ReplicationPolicy replication) {
                int replicas = replication.index() == 0 ? REPLICAS : OTHER_POLICY_REPLICAS;
                ring(dir, replication.objectRingName(), objectPort, replicas);
            }
        }
        return conf;
    }

    /** Reads back one ring of {@code dir}, to know where Swift's proxy puts a name. */
    static Ring read(Path dir, String name, SwiftConf conf) throws IOException {
        return new Ring(RingFileReader.read(Rings.file(dir, name)), conf.hashPath());
    }

    private static void ring(Path dir, String name, int port, int replicas) throws IOException {
        List<Device> devices = new ArrayList<>();
        for (int id = 0; id < DEVICES.size(); id++) {
            // One zone per device, so the replicas of a partition land on distinct devices.
            devices.add(Device.of(id, 1, id + 1, "127.0.0.1", port, DEVICES.get(id), 100.0));
        }
        RingFileWriter.write(RingBuilder.build(devices, PART_POWER, replicas, RingBuilder.DEFAULT_SEED),
                Rings.file(dir, name));
    }
}
