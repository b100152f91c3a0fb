package io.ringway.storage.container;

/**
 * A row of the {@code object} table: what an object server reported about one object.
 *
 * @param createdAt the internal timestamp of the PUT or DELETE
 * @param deleted a tombstone ({@code size} 0, {@code content_type} {@code application/deleted})
 */
record ObjectRecord(String name, String createdAt, long size, String contentType, String etag, boolean deleted,
        int storagePolicyIndex) {

    /** Swift's {@code delete_object}: a tombstone row. */
    static ObjectRecord tombstone(String name, String createdAt, int storagePolicyIndex) {
        return new ObjectRecord(name, createdAt, 0, "application/deleted", "noetag", true, storagePolicyIndex);
    }
}
