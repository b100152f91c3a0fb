package io.ringway.storage.account;

import io.ringway.swift.Timestamp;

/** An account's {@code get_info()} plus its status: timestamps as stored, totals from the triggers. */
record AccountInfo(String account, String createdAt, String putTimestamp, String deleteTimestamp, String status,
        long containerCount, long objectCount, long bytesUsed) {

    /** Swift's {@code _is_deleted_info}: status DELETED, or no containers and deleted after the last PUT. */
    boolean isDeleted() {
        return "DELETED".equals(status) || (containerCount == 0 && deletedAfterPut());
    }

    /** Swift's {@code is_status_deleted}: status DELETED, or deleted after the last PUT (as strings). */
    boolean isStatusDeleted() {
        return "DELETED".equals(status) || deleteTimestamp.compareTo(putTimestamp) > 0;
    }

    private boolean deletedAfterPut() {
        return Timestamp.parse(deleteTimestamp).isAfter(Timestamp.parse(putTimestamp));
    }
}
