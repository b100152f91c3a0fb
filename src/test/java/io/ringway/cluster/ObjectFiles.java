package io.ringway.cluster;

import static java.util.Objects.requireNonNull;

import io.ringway.ring.Ring;
import io.ringway.swift.HashPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * An object's files on the cluster's disks, found the way Swift lays them out:
 * {@code srv/N/sdbN/objects[-P]/<partition>/<last 3 of hash>/<hash>/<timestamp>.data}.
 */
final class ObjectFiles {

    private final Path devices;
    private final HashPath hashPath;
    private final Ring ring;
    private final int policyIndex;

    ObjectFiles(Path devices, HashPath hashPath, Ring ring, int policyIndex) {
        this.devices = requireNonNull(devices, "devices");
        this.hashPath = requireNonNull(hashPath, "hashPath");
        this.ring = requireNonNull(ring, "ring");
        this.policyIndex = policyIndex;
    }

    /** The nodes (1..4) whose device has a {@code .data} file for the object, primaries or handoffs. */
    List<Integer> nodesWithData(String account, String container, String object) {
        String hash = hashPath.hex(account, container, object);
        String partition = Integer.toString(ring.partition(account, container, object));
        String dataDir = policyIndex == 0 ? "objects" : "objects-" + policyIndex;
        List<Integer> nodes = new ArrayList<>();
        for (int node = 1; node <= Cluster.NODES; node++) {
            Path dir = devices.resolve(Integer.toString(node)).resolve("sdb" + node).resolve(dataDir)
                    .resolve(partition).resolve(hash.substring(hash.length() - 3)).resolve(hash);
            if (hasData(dir)) {
                nodes.add(node);
            }
        }
        return nodes;
    }

    private static boolean hasData(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".data"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
