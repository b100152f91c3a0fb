package io.ringway.storage.object;

import io.ringway.swift.Timestamp;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a hash directory holds once its files are sorted out, as the exceptions and results of
 * Swift's {@code DiskFile.open} / {@code read_metadata}.
 */
sealed interface ObjectState {

    /** Nothing there (Swift's {@code DiskFileNotExist}). */
    record Missing() implements ObjectState {
    }

    /** The newest file is a tombstone ({@code DiskFileDeleted}). */
    record Deleted(Timestamp timestamp) implements ObjectState {
    }

    /**
     * The object is there but its {@code X-Delete-At} has passed ({@code DiskFileExpired}).
     *
     * @param timestamp the object's {@code X-Timestamp} (of its newest {@code .meta} if any)
     * @param metadata the object's merged metadata
     */
    record Expired(Timestamp timestamp, Map<String, String> metadata) implements ObjectState {
    }

    /**
     * A readable object.
     *
     * @param dataFile its {@code .data} file; the body is the first {@code contentLength} bytes
     * @param contentLength body length
     * @param metadata merged metadata of the {@code .data} and newest {@code .meta} file, Swift's keys
     * @param dataTimestamp the {@code .data} file's timestamp
     * @param timestamp the {@code X-Timestamp} of the merged metadata
     * @param contentTypeTimestamp when the current content type was set
     * @param metafile the newest {@code .meta} file's own metadata, empty without one
     */
    record Present(Path dataFile, long contentLength, Map<String, String> metadata, Timestamp dataTimestamp,
            Timestamp timestamp, Timestamp contentTypeTimestamp, Map<String, String> metafile)
            implements ObjectState {
    }
}
