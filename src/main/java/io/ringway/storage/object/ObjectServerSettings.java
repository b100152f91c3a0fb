package io.ringway.storage.object;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * The object server's options, named after Swift's {@code [app:object-server]} options and with
 * Swift 2.30's defaults.
 *
 * @param nodeTimeout {@code node_timeout}: wait for a container server's answer (3s)
 * @param connTimeout {@code conn_timeout}: connect to a container server (0.5s)
 * @param containerUpdateTimeout {@code container_update_timeout}: how long a PUT or DELETE waits
 *     for its container updates before answering; later ones finish in the background (1s)
 * @param clientTimeout {@code client_timeout}: longest pause between two chunks of a PUT body (60s)
 * @param maxUploadTime {@code max_upload_time}: longest whole PUT body (86400s)
 * @param mbPerSync {@code mb_per_sync}: flush the data file to disk every this many MiB (512)
 * @param fallocateReserve {@code fallocate_reserve}: free space to keep, bytes or a percentage
 *     such as {@code "1%"} (Swift's default)
 * @param reclaimAge {@code reclaim_age}: tombstones older than this are removed (one week)
 * @param diskChunkSize {@code disk_chunk_size}: read size for GET bodies (65536)
 * @param allowedHeaders {@code allowed_headers}: headers besides metadata stored at PUT and POST
 */
public record ObjectServerSettings(
        Duration nodeTimeout,
        Duration connTimeout,
        Duration containerUpdateTimeout,
        Duration clientTimeout,
        Duration maxUploadTime,
        int mbPerSync,
        String fallocateReserve,
        Duration reclaimAge,
        int diskChunkSize,
        List<String> allowedHeaders) {

    /** Swift's default {@code allowed_headers}. */
    public static final List<String> DEFAULT_ALLOWED_HEADERS = List.of(
            "content-disposition", "content-encoding", "x-delete-at", "x-object-manifest",
            "x-static-large-object", "cache-control", "content-language", "expires", "x-robots-tag");

    public ObjectServerSettings {
        requireNonNull(nodeTimeout, "nodeTimeout");
        requireNonNull(connTimeout, "connTimeout");
        requireNonNull(containerUpdateTimeout, "containerUpdateTimeout");
        requireNonNull(clientTimeout, "clientTimeout");
        requireNonNull(maxUploadTime, "maxUploadTime");
        requireNonNull(fallocateReserve, "fallocateReserve");
        requireNonNull(reclaimAge, "reclaimAge");
        allowedHeaders = List.copyOf(requireNonNull(allowedHeaders, "allowedHeaders"));
        if (mbPerSync < 1) {
            throw new IllegalArgumentException("mbPerSync: " + mbPerSync + " (expected: at least 1)");
        }
        if (diskChunkSize < 1) {
            throw new IllegalArgumentException("diskChunkSize: " + diskChunkSize + " (expected: at least 1)");
        }
        FallocateReserve.parse(fallocateReserve);
    }

    /** Swift 2.30's defaults. */
    public static ObjectServerSettings defaults() {
        return new ObjectServerSettings(Duration.ofSeconds(3), Duration.ofMillis(500), Duration.ofSeconds(1),
                Duration.ofSeconds(60), Duration.ofSeconds(86400), 512, "1%", Duration.ofDays(7), 65536,
                DEFAULT_ALLOWED_HEADERS);
    }

    public ObjectServerSettings withClientTimeout(Duration timeout) {
        return new ObjectServerSettings(nodeTimeout, connTimeout, containerUpdateTimeout, timeout, maxUploadTime,
                mbPerSync, fallocateReserve, reclaimAge, diskChunkSize, allowedHeaders);
    }

    public ObjectServerSettings withFallocateReserve(String reserve) {
        return new ObjectServerSettings(nodeTimeout, connTimeout, containerUpdateTimeout, clientTimeout,
                maxUploadTime, mbPerSync, reserve, reclaimAge, diskChunkSize, allowedHeaders);
    }

    public ObjectServerSettings withTimeouts(Duration conn, Duration node, Duration containerUpdate) {
        return new ObjectServerSettings(node, conn, containerUpdate, clientTimeout, maxUploadTime, mbPerSync,
                fallocateReserve, reclaimAge, diskChunkSize, allowedHeaders);
    }
}
