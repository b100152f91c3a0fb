package io.ringway.storage.container;

import io.ringway.swift.Timestamp;

/**
 * A container's {@code get_info()}: its timestamps (internal strings as stored), policy, the
 * counts of its policy's objects, and what was last reported to the account.
 */
record ContainerInfo(String account, String container, String createdAt, String putTimestamp,
        String deleteTimestamp, String statusChangedAt, int storagePolicyIndex, long objectCount, long bytesUsed,
        String reportedPutTimestamp, String reportedDeleteTimestamp, long reportedObjectCount,
        long reportedBytesUsed) {

    /** Swift's {@code _is_deleted_info}: no objects and deleted after the last PUT. */
    boolean isDeleted() {
        return objectCount == 0 && ts(deleteTimestamp).isAfter(ts(putTimestamp));
    }

    /** Whether the account has not yet heard of the current state (the updater's test). */
    boolean needsReport() {
        return putTimestamp.compareTo(reportedPutTimestamp) > 0
                || deleteTimestamp.compareTo(reportedDeleteTimestamp) > 0
                || objectCount != reportedObjectCount
                || bytesUsed != reportedBytesUsed;
    }

    /** Parses a stored timestamp; Swift's {@code '0'} default is the epoch. */
    static Timestamp ts(String stored) {
        return Timestamp.parse(stored);
    }
}
