package io.ringway.storage.container;

import org.jspecify.annotations.Nullable;

/**
 * An object server's report of one object: the row it describes (data timestamp in
 * {@code created_at}) and, after an object POST, when the content type and the metadata were set
 * ({@code X-Content-Type-Timestamp}, {@code X-Meta-Timestamp}).
 */
record ObjectUpdate(ObjectRecord row, @Nullable String contentTypeTimestamp, @Nullable String metaTimestamp) {

    static ObjectUpdate of(ObjectRecord row) {
        return new ObjectUpdate(row, null, null);
    }
}
