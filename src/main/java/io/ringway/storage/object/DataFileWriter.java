package io.ringway.storage.object;

import static java.util.Objects.requireNonNull;

import io.ringway.swift.Timestamp;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * Swift's {@code DiskFileWriter}: the body of a PUT goes to a temp file in the device's
 * {@code tmp} directory while its MD5 is computed; {@link #commit} appends the metadata, fsyncs
 * and renames the file into the hash directory, so that the object appears whole or not at all.
 * {@link #abort} removes the temp file. Blocking: use from {@code boundedElastic} only, one
 * thread at a time (a Flux delivers its items serially).
 */
final class DataFileWriter implements AutoCloseable {

    private final ObjectDiskFiles disk;
    private final ObjectLocation location;
    private final Path temp;
    private final FileChannel channel;
    private final MessageDigest md5;
    private final long bytesPerSync;
    private long written;
    private long lastSync;
    private boolean committed;

    DataFileWriter(ObjectDiskFiles disk, ObjectLocation location, int mbPerSync) throws IOException {
        this.disk = requireNonNull(disk, "disk");
        this.location = requireNonNull(location, "location");
        this.temp = disk.newTempFile(location);
        try {
            this.channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            // an interrupt (cancelled exchange) may close the channel after the file was made
            Files.deleteIfExists(temp);
            throw e;
        }
        this.md5 = md5();
        this.bytesPerSync = mbPerSync * 1024L * 1024L;
    }

    /** Writes one chunk of the body and releases it, whatever happens. */
    void write(DataBuffer buffer) throws IOException {
        try {
            try (DataBuffer.ByteBufferIterator chunks = buffer.readableByteBuffers()) {
                while (chunks.hasNext()) {
                    ByteBuffer chunk = chunks.next();
                    md5.update(chunk.duplicate());
                    while (chunk.hasRemaining()) {
                        written += channel.write(chunk);
                    }
                }
            }
        } finally {
            DataBufferUtils.release(buffer);
        }
        // Like Swift's mb_per_sync: flush as we go so that the final fsync has little left to do.
        if (written - lastSync >= bytesPerSync) {
            channel.force(false);
            lastSync = written;
        }
    }

    long written() {
        return written;
    }

    /** The body's MD5 in hex. */
    String etag() {
        return HexFormat.of().formatHex(md5.digest());
    }

    /** Appends the metadata, fsyncs, and moves the file to {@code timestamp.data} in the hash directory. */
    void commit(Timestamp timestamp, Map<String, String> metadata) throws IOException {
        ByteBuffer footer = DataFileFormat.footer(metadata);
        while (footer.hasRemaining()) {
            channel.write(footer);
        }
        channel.force(true);
        channel.close();
        disk.commit(location, temp, timestamp.internal() + ".data");
        committed = true;
    }

    /** Closes and removes the temp file unless committed; safe to call more than once. */
    void abort() {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing more to do for a file we are about to remove
        }
        if (!committed) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // Swift leaves such files to its tmp reclaimer too; nothing here reads tmp
            }
        }
    }

    @Override
    public void close() {
        abort();
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required by the Java platform", e);
        }
    }
}
