package io.ringway.storage.audit;

import io.ringway.storage.node.ServerType;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Swift's {@code quarantine_renamer} and {@code quarantine_db}: a damaged object's hash directory
 * goes to {@code <device>/quarantined/objects[-N]/<hash>}, a damaged database's hash directory to
 * {@code <device>/quarantined/containers|accounts/<hash>}, both with a uuid suffix when that name
 * is taken. Nothing is lost: an operator can look at it, and recon counts it. Reads stop finding
 * the object at once (404) and replication, when the node has it, brings a good copy. The node
 * keeps no per-suffix hashes ({@code hashes.pkl}) yet, so there is nothing to invalidate.
 * Blocking: call off event loops.
 */
final class Quarantine {

    private Quarantine() {
    }

    /** Moves an object's hash directory away; where it went. */
    static Path object(Path device, String objectsDirectory, Path hashDir) throws IOException {
        return move(hashDir, device.resolve("quarantined").resolve(objectsDirectory));
    }

    /** Moves the hash directory of a database ({@code .db} file and its journals) away; where it went. */
    static Path database(Path device, ServerType type, Path dbFile) throws IOException {
        return move(dbFile.getParent(), device.resolve("quarantined").resolve(type.dataDirectory()));
    }

    private static Path move(Path directory, Path quarantined) throws IOException {
        Files.createDirectories(quarantined);
        Path target = quarantined.resolve(directory.getFileName().toString());
        try {
            // rename(2) would silently replace an empty directory of that name; ENOTEMPTY is the usual case
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(target.toString());
            }
            Files.move(directory, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileSystemException e) {
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw e;
            }
            // quarantined before: keep both, as Swift does
            target = quarantined.resolve(directory.getFileName() + "-" + UUID.randomUUID().toString().replace("-", ""));
            Files.move(directory, target, StandardCopyOption.ATOMIC_MOVE);
        }
        fsync(quarantined);
        fsync(directory.getParent());
        return target;
    }

    private static void fsync(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
