package io.ringway.storage.proxyfront;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.policy.ReplicationPolicy;
import io.ringway.ring.Ring;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the proxy left on the node's disks, read the way Swift lays objects out:
 * {@code <devices>/<device>/objects[-N]/<partition>/<hash suffix>/<hash>/<timestamp>.data|.ts}.
 */
final class NodeReplicas {

    private final ProxyFrontCluster cluster;
    private final String account;

    NodeReplicas(ProxyFrontCluster cluster, String account) {
        this.cluster = requireNonNull(cluster, "cluster");
        this.account = requireNonNull(account, "account");
    }

    /** The object's partition in the policy's ring, as the proxy computes it. */
    int partition(ReplicationPolicy policy, String container, String object) throws IOException {
        return ring(policy).partition(account, container, object);
    }

    /** The object's newest file ends in {@code suffix} on exactly the ring's primary devices of its partition. */
    void assertOnPrimaries(ReplicationPolicy policy, String container, String object, String suffix)
            throws IOException {
        Ring ring = ring(policy);
        int partition = ring.partition(account, container, object);
        List<String> primaries = ring.primaryNodes(partition).stream().map(node -> node.device().device()).toList();
        String hash = cluster.conf().hashPath().hex(account, container, object);
        String dataDir = policy.index() == 0 ? "objects" : "objects-" + policy.index();
        List<String> holding = new ArrayList<>();
        Set<String> newestFiles = new HashSet<>();
        for (String device : FrontSwiftDir.DEVICES) {
            String newest = newestFile(cluster.devices().resolve(device).resolve(dataDir)
                    .resolve(String.valueOf(partition)).resolve(hash.substring(hash.length() - 3)).resolve(hash));
            if (newest.endsWith(suffix)) {
                holding.add(device);
                newestFiles.add(newest);
            }
        }
        // The proxy gives every replica the same X-Timestamp, which names the file.
        assertThat(newestFiles).as("newest files of %s/%s/%s", account, container, object).hasSize(1);
        assertThat(holding).as("devices with %s/%s/%s%s (partition %d)", account, container, object, suffix, partition)
                .containsExactlyInAnyOrderElementsOf(primaries)
                .hasSize((int) ring.replicaCount());
    }

    /**
     * Takes a device away, as a failed or unmounted disk would: one atomic rename out of the
     * devices directory (deleting it file by file races with the node's SQLite journal files).
     */
    void removeDevice(String device) throws IOException {
        Path devices = cluster.devices();
        Files.move(devices.resolve(device), devices.resolveSibling(devices.getFileName() + "-removed-" + device),
                StandardCopyOption.ATOMIC_MOVE);
    }

    private Ring ring(ReplicationPolicy policy) throws IOException {
        return FrontSwiftDir.read(cluster.swiftDir(), policy.objectRingName(), cluster.conf());
    }

    private static String newestFile(Path hashDir) {
        if (!Files.isDirectory(hashDir)) {
            return "";
        }
        try (Stream<Path> files = Files.list(hashDir)) {
            return files.map(file -> file.getFileName().toString()).max(Comparator.naturalOrder()).orElse("");
        } catch (IOException e) {
            throw new AssertionError("cannot list " + hashDir, e);
        }
    }
}
