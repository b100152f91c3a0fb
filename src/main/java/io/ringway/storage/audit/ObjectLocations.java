package io.ringway.storage.audit;

import io.ringway.storage.node.DeviceRoot;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Swift's {@code object_audit_location_generator}: every hash directory under
 * {@code <device>/objects[-N]/<partition>/<suffix>/} of every usable device, walked one
 * directory at a time (a node holds far too many objects to list them first). Names that are
 * not a partition, suffix or hash are skipped, as Swift skips them.
 */
final class ObjectLocations {

    private static final Pattern POLICY_DIR = Pattern.compile("objects(-[1-9][0-9]*)?");
    private static final Pattern PARTITION = Pattern.compile("[0-9]+");
    private static final Pattern SUFFIX = Pattern.compile("[0-9a-f]{3}");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{32}");

    private ObjectLocations() {
    }

    /** Calls {@code visitor} for each hash directory, device by device in name order. */
    static void forEach(DeviceRoot devices, Visitor visitor) throws IOException, InterruptedException {
        for (String name : names(devices.root())) {
            Path device = devices.device(name).orElse(null);
            if (device == null) {
                continue;
            }
            for (String objects : names(device)) {
                if (!POLICY_DIR.matcher(objects).matches()) {
                    continue;
                }
                int policyIndex = objects.contains("-") ? Integer.parseInt(objects.substring(objects.indexOf('-') + 1)) : 0;
                Path policyDir = device.resolve(objects);
                for (String partition : names(policyDir)) {
                    if (!PARTITION.matcher(partition).matches()) {
                        continue;
                    }
                    for (String suffix : names(policyDir.resolve(partition))) {
                        if (!SUFFIX.matcher(suffix).matches()) {
                            continue;
                        }
                        for (String hash : names(policyDir.resolve(partition).resolve(suffix))) {
                            if (Thread.currentThread().isInterrupted()) {
                                // the node is stopping; an interrupted thread's file reads would all fail
                                throw new InterruptedException("audit pass stopped");
                            }
                            if (HASH.matcher(hash).matches() && hash.endsWith(suffix)) {
                                Path hashDir = policyDir.resolve(partition).resolve(suffix).resolve(hash);
                                visitor.visit(new Location(name, device, objects, policyIndex, partition, hashDir));
                            }
                        }
                    }
                }
            }
        }
    }

    /** The entries of a directory in name order; none when it is gone or not a directory. */
    private static List<String> names(Path directory) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            entries.forEach(entry -> names.add(entry.getFileName().toString()));
        } catch (NoSuchFileException | NotDirectoryException e) {
            return names;
        }
        names.sort(null);
        return names;
    }

    /** Audits one location. */
    @FunctionalInterface
    interface Visitor {
        void visit(Location location) throws IOException, InterruptedException;
    }

    /**
     * One hash directory.
     *
     * @param device the device's name
     * @param devicePath the device's directory
     * @param objectsDirectory {@code objects} or {@code objects-N}
     * @param policyIndex N
     * @param partition the partition directory's name
     * @param hashDir the hash directory
     */
    record Location(String device, Path devicePath, String objectsDirectory, int policyIndex, String partition,
            Path hashDir) {
    }
}
