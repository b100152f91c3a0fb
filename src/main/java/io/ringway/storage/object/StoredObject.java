package io.ringway.storage.object;

import java.nio.file.Path;
import java.util.Map;

/** What {@link StoredObjects#inspect} found in a hash directory. */
public sealed interface StoredObject {

    /** No live object: nothing, only obsolete files, or a tombstone. */
    record None() implements StoredObject {
    }

    /**
     * A file that cannot be read as ours (truncated, no trailer, metadata that does not parse or
     * whose {@code Content-Length} is not the body's): Swift quarantines such a file on open.
     *
     * @param file the damaged file
     * @param reason why, for the log
     */
    record Damaged(Path file, String reason) implements StoredObject {
    }

    /**
     * A readable data file.
     *
     * @param dataFile the {@code .data} file; its body is its first {@code bodyLength} bytes
     * @param bodyLength the body's length, which its {@code Content-Length} says too
     * @param dataMetadata the data file's own metadata, with the {@code ETag} of the body as written
     * @param metadata what a GET would see: the data file's metadata merged with a newer {@code .meta}
     */
    record Intact(Path dataFile, long bodyLength, Map<String, String> dataMetadata, Map<String, String> metadata)
            implements StoredObject {
    }
}
