package io.ringway.storage.recon;

import static java.util.Objects.requireNonNull;

import io.ringway.storage.node.DeviceRoot;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The recon checks that look at a node's devices, with Swift's JSON: {@code devices},
 * {@code diskusage}, {@code unmounted}, {@code quarantined} and {@code mounted}. A device counts as
 * mounted as the node itself decides ({@code mount_check}): with mount checks off, as for the
 * embedded node's plain directories, every device directory is in use and so reported mounted;
 * Swift's recon would call them all unmounted, and swift-recon would then leave them out of its
 * disk usage. Blocking: call off event loops.
 */
final class DeviceRecon {

    private final DeviceRoot devices;
    private final Path proc;

    DeviceRecon(DeviceRoot devices, Path proc) {
        this.devices = requireNonNull(devices, "devices");
        this.proc = requireNonNull(proc, "proc");
    }

    /** Swift's {@code get_device_info}: the devices path and every name under it. */
    Map<String, List<String>> devices() throws IOException {
        try (Stream<Path> children = list(devices.root())) {
            return Map.of(devices.root().toString(),
                    children.map(path -> path.getFileName().toString()).sorted().toList());
        }
    }

    /** Swift's {@code get_diskusage}: one entry a device directory, unmounted ones marked so. */
    List<Map<String, Object>> diskUsage() throws IOException {
        List<Map<String, Object>> usage = new ArrayList<>();
        for (String name : deviceDirectories()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("device", name);
            Path device = devices.device(name).orElse(null);
            if (device == null) {
                entry.put("mounted", false);
                entry.put("size", "");
                entry.put("used", "");
                entry.put("avail", "");
            } else {
                // statvfs as Swift reads it: used is everything not available to unprivileged users
                FileStore store = Files.getFileStore(device);
                long size = store.getTotalSpace();
                long avail = store.getUsableSpace();
                entry.put("mounted", true);
                entry.put("size", size);
                entry.put("used", size - avail);
                entry.put("avail", avail);
            }
            usage.add(entry);
        }
        return usage;
    }

    /** Swift's {@code get_unmounted}: the device directories the node will not use. */
    List<Map<String, Object>> unmounted() throws IOException {
        List<Map<String, Object>> unmounted = new ArrayList<>();
        for (String name : deviceDirectories()) {
            if (devices.device(name).isEmpty()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("device", name);
                entry.put("mounted", false);
                unmounted.add(entry);
            }
        }
        return unmounted;
    }

    /**
     * Swift's {@code get_quarantine_count}: the entries under each device's {@code quarantined}
     * directory, counted by the directory's link count as Swift does (each quarantined object,
     * container or account is a directory there), objects also by policy index.
     */
    Map<String, Object> quarantined() throws IOException {
        Map<String, Object> counts = new LinkedHashMap<>();
        long[] objects = {0};
        long[] containers = {0};
        long[] accounts = {0};
        Map<String, Map<String, Long>> policies = new TreeMap<>();
        for (String name : deviceDirectories()) {
            Path quarantined = devices.root().resolve(name).resolve("quarantined");
            if (!Files.isDirectory(quarantined)) {
                continue;
            }
            try (Stream<Path> types = Files.list(quarantined)) {
                for (Path type : types.toList()) {
                    long entries = subdirectories(type);
                    if (entries <= 0) {
                        continue;
                    }
                    String kind = type.getFileName().toString();
                    if (kind.startsWith("objects")) {
                        String policy = kind.contains("-") ? kind.substring(kind.indexOf('-') + 1) : "0";
                        policies.computeIfAbsent(policy, key -> new LinkedHashMap<>())
                                .merge("objects", entries, Long::sum);
                        objects[0] += entries;
                    } else if (kind.equals("containers")) {
                        containers[0] += entries;
                    } else if (kind.equals("accounts")) {
                        accounts[0] += entries;
                    }
                }
            }
        }
        counts.put("objects", objects[0]);
        counts.put("containers", containers[0]);
        counts.put("accounts", accounts[0]);
        counts.put("policies", policies);
        return counts;
    }

    /** Swift's {@code get_mounted}: every mount of the host, from {@code /proc/mounts}. */
    List<Map<String, String>> mounted() throws IOException {
        List<Map<String, String>> mounts = new ArrayList<>();
        for (String line : Files.readAllLines(proc.resolve("mounts"))) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length >= 2) {
                Map<String, String> mount = new LinkedHashMap<>();
                mount.put("device", fields[0]);
                mount.put("path", fields[1]);
                mounts.add(mount);
            }
        }
        return mounts;
    }

    private List<String> deviceDirectories() throws IOException {
        try (Stream<Path> children = list(devices.root())) {
            return children.filter(Files::isDirectory).map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    /**
     * A directory's subdirectories from its link count, as Swift counts; 0 when not a directory.
     * File systems that keep no such count (btrfs says 1) are listed instead.
     */
    private static long subdirectories(Path directory) throws IOException {
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        long links = ((Number) Files.getAttribute(directory, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).longValue();
        if (links >= 2) {
            return links - 2;
        }
        try (Stream<Path> children = Files.list(directory)) {
            return children.filter(child -> Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)).count();
        }
    }

    private static Stream<Path> list(Path directory) throws IOException {
        return Files.isDirectory(directory) ? Files.list(directory) : Stream.empty();
    }
}
