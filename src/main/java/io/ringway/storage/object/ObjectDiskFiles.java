package io.ringway.storage.object;

import static java.util.Objects.requireNonNull;

import io.ringway.swift.Timestamp;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Swift's {@code DiskFile} for replicated policies, blocking: reads an object's state, writes
 * {@code .meta} and {@code .ts} files atomically (temp file, fsync, rename, fsync of the directory)
 * and removes obsolete files. Every method blocks on the file system: call them on
 * {@code boundedElastic}, never on an event loop.
 */
final class ObjectDiskFiles {

    /** Keys the {@code .data} file keeps even when a {@code .meta} replaces the rest (Swift's reserved and system metadata). */
    private static final java.util.Set<String> DATAFILE_KEYS =
            java.util.Set.of("content-length", "deleted", "etag", "x-static-large-object");
    private static final Logger log = LoggerFactory.getLogger(ObjectDiskFiles.class);

    private final Clock clock;
    private final Duration reclaimAge;

    ObjectDiskFiles(Clock clock, Duration reclaimAge) {
        this.clock = requireNonNull(clock, "clock");
        this.reclaimAge = requireNonNull(reclaimAge, "reclaimAge");
    }

    /**
     * The object's state; an {@code X-Delete-At} at or before {@code now} makes it expired unless
     * {@code openExpired} (replication) asks for it anyway. Obsolete files are removed on the way.
     */
    ObjectState read(ObjectLocation location, Timestamp now, boolean openExpired) throws IOException {
        try (OpenedObject opened = open(location, now, openExpired)) {
            return opened.state();
        }
    }

    /**
     * As {@link #read}, keeping a present object's data file open for its body: the caller closes
     * the result.
     */
    OpenedObject open(ObjectLocation location, Timestamp now, boolean openExpired) throws IOException {
        OnDiskFiles files = OnDiskFiles.list(location.hashDir(), reclaimBefore());
        removeObsolete(location.hashDir(), files);
        if (files.tombstone() != null) {
            return new OpenedObject(new ObjectState.Deleted(files.tombstone().timestamp()), null);
        }
        OnDiskFiles.OnDiskFile data = files.data();
        if (data == null) {
            return new OpenedObject(new ObjectState.Missing(), null);
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(data.path(), StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            // A newer PUT or DELETE removed it between the listing and here: read again.
            return open(location, now, openExpired);
        }
        boolean handedOver = false;
        try {
            ObjectState state = readOpen(files, data, channel, now, openExpired);
            if (state == null) {
                // the .meta went away under a newer write: read again
                return open(location, now, openExpired);
            }
            handedOver = state instanceof ObjectState.Present;
            return new OpenedObject(state, handedOver ? channel : null);
        } finally {
            if (!handedOver) {
                channel.close();
            }
        }
    }

    /** The state read from the open data file, or {@code null} when its {@code .meta} vanished meanwhile. */
    private @Nullable ObjectState readOpen(OnDiskFiles files, OnDiskFiles.OnDiskFile data, FileChannel channel,
            Timestamp now, boolean openExpired) throws IOException {
        DataFileFormat.Stored stored = DataFileFormat.read(channel);
        if (stored == null) {
            log.warn("Ignoring unreadable data file {}", data.path());
            return new ObjectState.Missing();
        }
        Map<String, String> metadata = new LinkedHashMap<>(stored.metadata());
        Timestamp contentTypeTimestamp = data.timestamp();
        Map<String, String> meta = Map.of();
        if (files.meta() != null) {
            try {
                meta = readJson(files.meta().path());
            } catch (NoSuchFileException e) {
                return null;
            }
            metadata = merge(stored.metadata(), meta, data.timestamp());
            Timestamp metaContentType = Timestamp.parseOrNull(meta.get("Content-Type-Timestamp"));
            if (metaContentType != null && metaContentType.isAfter(data.timestamp())) {
                contentTypeTimestamp = metaContentType;
            }
        }
        Timestamp timestamp = Timestamp.parse(metadata.getOrDefault("X-Timestamp", data.timestamp().internal()));
        if (!openExpired && isExpired(metadata, now)) {
            return new ObjectState.Expired(timestamp, metadata);
        }
        return new ObjectState.Present(data.path(), stored.bodyLength(), metadata, data.timestamp(), timestamp,
                contentTypeTimestamp, meta);
    }

    /** Writes {@code timestamp.meta} holding the metadata of a POST. */
    void writeMeta(ObjectLocation location, Timestamp timestamp, Map<String, String> metadata) throws IOException {
        writeSmallFile(location, timestamp.internal() + ".meta", metadata);
    }

    /** Writes the tombstone {@code timestamp.ts} of a DELETE. */
    void writeTombstone(ObjectLocation location, Timestamp timestamp) throws IOException {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("X-Timestamp", timestamp.internal());
        metadata.put("name", location.name());
        writeSmallFile(location, timestamp.internal() + ".ts", metadata);
    }

    /** Moves a finished temp file into place as {@code name}, durably, then removes what it made obsolete. */
    void commit(ObjectLocation location, Path temp, String name) throws IOException {
        Path hashDir = location.hashDir();
        Files.createDirectories(hashDir);
        try {
            Files.move(temp, hashDir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            // a concurrent cleanup removed the then-empty hash directory: make it again
            Files.createDirectories(hashDir);
            Files.move(temp, hashDir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        }
        fsyncDirectory(hashDir);
        cleanup(location);
    }

    /** Swift's {@code cleanup_ondisk_files}: removes obsolete files, and the hash directory once empty. */
    void cleanup(ObjectLocation location) throws IOException {
        Path hashDir = location.hashDir();
        removeObsolete(hashDir, OnDiskFiles.list(hashDir, reclaimBefore()));
    }

    /** A new temp file in the device's {@code tmp} directory. */
    Path newTempFile(ObjectLocation location) throws IOException {
        Path tmp = location.tmpDir();
        Files.createDirectories(tmp);
        return tmp.resolve("tmp" + UUID.randomUUID().toString().replace("-", ""));
    }

    static Map<String, String> readJson(Path path) throws IOException {
        return DataFileFormat.parseJson(Files.readAllBytes(path));
    }

    static void fsyncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /**
     * Swift's merge in {@code _construct_from_data_file}: the {@code .meta} replaces the metadata
     * except the data file's reserved and system keys; the data file's content type stays unless
     * the {@code .meta} set a newer one.
     */
    static Map<String, String> merge(Map<String, String> data, Map<String, String> meta, Timestamp dataTimestamp) {
        Map<String, String> merged = new LinkedHashMap<>(meta);
        for (Map.Entry<String, String> entry : data.entrySet()) {
            String key = entry.getKey().toLowerCase(Locale.ROOT);
            if (DATAFILE_KEYS.contains(key) || ObjectHeaders.isSysMeta(key)) {
                merged.put(entry.getKey(), entry.getValue());
            }
        }
        Timestamp metaContentType = Timestamp.parseOrNull(meta.get("Content-Type-Timestamp"));
        if (data.containsKey("Content-Type") && (metaContentType == null || dataTimestamp.isAfter(metaContentType))) {
            merged.put("Content-Type", data.get("Content-Type"));
        }
        return merged;
    }

    private static boolean isExpired(Map<String, String> metadata, Timestamp now) {
        String deleteAt = metadata.get("X-Delete-At");
        if (deleteAt == null) {
            return false;
        }
        Long at = ObjectConstraints.pythonInt(deleteAt);
        return at != null && at * 100_000L <= now.raw();
    }

    private void writeSmallFile(ObjectLocation location, String name, Map<String, String> metadata) throws IOException {
        Path temp = newTempFile(location);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer json = ByteBuffer.wrap(DataFileFormat.json(metadata));
                while (json.hasRemaining()) {
                    channel.write(json);
                }
                channel.force(true);
            }
            commit(location, temp, name);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void removeObsolete(Path hashDir, OnDiskFiles files) throws IOException {
        for (Path obsolete : files.obsolete()) {
            Files.deleteIfExists(obsolete);
        }
        if (files.data() == null && files.tombstone() == null && files.meta() == null) {
            try {
                Files.deleteIfExists(hashDir);
            } catch (DirectoryNotEmptyException e) {
                // something else (a .lock, an orphan file, a concurrent write) lives there: keep it
            }
        }
    }

    private Timestamp reclaimBefore() {
        long millis = Math.max(0, clock.millis() - reclaimAge.toMillis());
        return Timestamp.ofMillis(millis);
    }
}
