package io.ringway.ring;

import static java.util.Objects.requireNonNull;

import io.ringway.swift.HashPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current ring of one ring file. {@link #ring()} is a lock-free read of the last good
 * snapshot; {@link #reloadIfChanged()} re-reads the file when its modification time or size
 * changed, as Swift's {@code Ring.has_changed} does every {@code reload_time} (15 s by default).
 * A changed file that fails to load is logged and the last good ring stays in use, as Swift does
 * for a running server; that broken version is not re-read until the file changes again.
 *
 * <p>Reloading reads and inflates the file: the owner calls it from a scheduler that may block
 * (Reactor's {@code boundedElastic}), never from an event loop.
 */
public final class RingHolder {

    /** Swift's {@code DEFAULT_RELOAD_TIME}. */
    public static final Duration DEFAULT_RELOAD_TIME = Duration.ofSeconds(15);

    private static final Logger log = LoggerFactory.getLogger(RingHolder.class);

    /** Loads the ring file now; unlike a reload, a failure here is fatal, as at Swift's startup. */
    public static RingHolder load(Path file, HashPath hashPath) throws IOException {
        requireNonNull(file, "file");
        requireNonNull(hashPath, "hashPath");
        FileStamp stamp = FileStamp.of(file);
        return new RingHolder(file, hashPath, new Loaded(new Ring(RingFileReader.read(file), hashPath), stamp));
    }

    private final Path file;
    private final HashPath hashPath;
    private final AtomicReference<Loaded> current;
    private @Nullable FileStamp rejected;

    private RingHolder(Path file, HashPath hashPath, Loaded first) {
        this.file = file;
        this.hashPath = hashPath;
        this.current = new AtomicReference<>(first);
    }

    /** The last good ring. */
    public Ring ring() {
        return current.get().ring();
    }

    public Path file() {
        return file;
    }

    /**
     * Loads the file again if it changed since the last load; blocking.
     *
     * @return whether a new ring is now in use
     */
    public synchronized boolean reloadIfChanged() {
        FileStamp stamp;
        try {
            stamp = FileStamp.of(file);
        } catch (IOException e) {
            log.warn("Ring file {} cannot be read ({}); keeping the ring loaded before", file, e.toString());
            return false;
        }
        if (stamp.equals(current.get().stamp()) || stamp.equals(rejected)) {
            return false;
        }
        try {
            Ring ring = new Ring(RingFileReader.read(file), hashPath);
            current.set(new Loaded(ring, stamp));
            rejected = null;
            log.info("Reloaded ring file {}: {}", file, ring);
            return true;
        } catch (IOException | RuntimeException e) {
            rejected = stamp;
            // The reader's message names the file already.
            log.warn("Changed ring file does not load; keeping the ring loaded before: {}", e.getMessage());
            return false;
        }
    }

    @Override
    public String toString() {
        return "RingHolder[" + file + ", " + ring() + "]";
    }

    private record FileStamp(FileTime modified, long size) {

        static FileStamp of(Path file) throws IOException {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileStamp(attributes.lastModifiedTime(), attributes.size());
        }
    }

    private record Loaded(Ring ring, FileStamp stamp) {
    }
}
