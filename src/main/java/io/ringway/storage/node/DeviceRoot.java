package io.ringway.storage.node;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code devices} directory of a node (Swift's {@code devices = /srv/node}): one
 * subdirectory per device. With {@code mountCheck}, a device must be a mount point, as Swift's
 * {@code mount_check = true}; without it, an existing directory is enough. Callers answer 507
 * for a device that is not there.
 */
public final class DeviceRoot {

    private final Path root;
    private final boolean mountCheck;

    public DeviceRoot(Path root, boolean mountCheck) {
        this.root = requireNonNull(root, "root").toAbsolutePath().normalize();
        this.mountCheck = mountCheck;
    }

    public Path root() {
        return root;
    }

    /**
     * The directory of a usable device, or empty when the name is not a plain directory name or
     * the device is missing (or, with mount checks, not mounted). Blocks on the file system:
     * call it off event loops.
     */
    public Optional<Path> device(String name) {
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("/")) {
            return Optional.empty();
        }
        Path device = root.resolve(name);
        if (!Files.isDirectory(device)) {
            return Optional.empty();
        }
        if (mountCheck && !isMountPoint(device)) {
            return Optional.empty();
        }
        return Optional.of(device);
    }

    private static boolean isMountPoint(Path path) {
        try {
            Object here = Files.getAttribute(path, "unix:dev");
            Object parent = Files.getAttribute(path.getParent(), "unix:dev");
            return !here.equals(parent);
        } catch (java.io.IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
