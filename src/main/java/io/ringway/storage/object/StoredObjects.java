package io.ringway.storage.object;

import io.ringway.swift.Timestamp;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * What an auditor sees in one hash directory, read as Swift's {@code DiskFile.open} reads it but
 * without changing anything: the newest {@code .data} file's body length and metadata (merged with
 * a newer {@code .meta}), a data file that is not readable (Swift would quarantine it on open), or
 * no object at all (a tombstone, nothing, or only obsolete files). Blocking: call off event loops.
 */
public final class StoredObjects {

    private StoredObjects() {
    }

    /**
     * The object in {@code hashDir}; tombstones are never reclaimed here, which is the
     * replicator's business.
     */
    public static StoredObject inspect(Path hashDir) throws IOException {
        OnDiskFiles files = OnDiskFiles.list(hashDir, Timestamp.ofMillis(0));
        OnDiskFiles.OnDiskFile data = files.data();
        if (files.tombstone() != null || data == null) {
            return new StoredObject.None();
        }
        DataFileFormat.Stored stored;
        try (FileChannel channel = FileChannel.open(data.path(), StandardOpenOption.READ)) {
            stored = DataFileFormat.read(channel);
        } catch (NoSuchFileException e) {
            // replaced or deleted since the listing: the next pass sees what took its place
            return new StoredObject.None();
        } catch (IOException e) {
            return new StoredObject.Damaged(data.path(), e.getMessage());
        }
        if (stored == null) {
            return new StoredObject.Damaged(data.path(), "no readable metadata trailer, or its Content-Length"
                    + " is not the body's length");
        }
        Map<String, String> metadata = stored.metadata();
        if (files.meta() != null) {
            try {
                metadata = ObjectDiskFiles.merge(stored.metadata(), ObjectDiskFiles.readJson(files.meta().path()),
                        data.timestamp());
            } catch (NoSuchFileException e) {
                return new StoredObject.None();
            } catch (IOException e) {
                return new StoredObject.Damaged(files.meta().path(), e.getMessage());
            }
        }
        return new StoredObject.Intact(data.path(), stored.bodyLength(), stored.metadata(), metadata);
    }

    /** The name of the directory of a policy's objects: {@code objects} or {@code objects-N}. */
    public static String objectsDirectory(int policyIndex) {
        return ObjectLocation.policyDir("objects", policyIndex);
    }
}
