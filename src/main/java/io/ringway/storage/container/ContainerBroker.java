package io.ringway.storage.container;

import io.ringway.storage.db.DelimitedListing;
import io.ringway.storage.db.ListingEntry;
import io.ringway.storage.db.ListingQuery;
import io.ringway.storage.db.Metadata;
import io.ringway.storage.db.StatTable;
import io.ringway.swift.Timestamp;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code ContainerBroker}, on one open connection: every method runs inside a
 * {@link io.ringway.storage.db.Sqlite} call, which serializes the work on the database.
 */
final class ContainerBroker {

    static final StatTable STAT = new StatTable("container");

    private ContainerBroker() {
    }

    static boolean isInitialized(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'container_stat'");
                ResultSet row = select.executeQuery()) {
            return row.next();
        }
    }

    /** Swift's {@code initialize}: a new database, created now, put at {@code putTimestamp}. */
    static void initialize(Connection connection, String account, String container, Timestamp now,
            String putTimestamp, int policyIndex) throws SQLException {
        ContainerSchema.create(connection);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO container_stat (account, container,"
                + " created_at, id, put_timestamp, status_changed_at, storage_policy_index) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, account);
            insert.setString(2, container);
            insert.setString(3, now.internal());
            insert.setString(4, UUID.randomUUID().toString());
            insert.setString(5, putTimestamp);
            insert.setString(6, putTimestamp);
            insert.setInt(7, policyIndex);
            insert.executeUpdate();
        }
        ensurePolicyStat(connection, policyIndex);
    }

    static ContainerInfo info(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT s.account, s.container, s.created_at,"
                + " s.put_timestamp, s.delete_timestamp, s.status_changed_at, s.storage_policy_index,"
                + " coalesce(p.object_count, 0), coalesce(p.bytes_used, 0), s.reported_put_timestamp,"
                + " s.reported_delete_timestamp, s.reported_object_count, s.reported_bytes_used"
                + " FROM container_stat s LEFT JOIN policy_stat p ON p.storage_policy_index = s.storage_policy_index");
                ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("missing row in container_stat table");
            }
            return new ContainerInfo(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                    row.getString(5), row.getString(6), row.getInt(7), row.getLong(8), row.getLong(9),
                    row.getString(10), row.getString(11), row.getLong(12), row.getLong(13));
        }
    }

    /** Swift's {@code set_storage_policy_index}, used when a deleted container is put again. */
    static void setStoragePolicyIndex(Connection connection, int policyIndex, String timestamp) throws SQLException {
        ensurePolicyStat(connection, policyIndex);
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE container_stat SET storage_policy_index = ? WHERE storage_policy_index <> ?")) {
            update.setInt(1, policyIndex);
            update.setInt(2, policyIndex);
            if (update.executeUpdate() > 0) {
                STAT.updateStatusChangedAt(connection, timestamp);
            }
        }
    }

    /**
     * Merges one object update as Swift's {@code merge_items} with
     * {@code update_new_item_from_existing}: per name and policy, the data attributes (size,
     * etag, deleted, {@code swift_bytes}) come from the newer data timestamp, the content type
     * from the newer content-type timestamp, and the metadata timestamp is the newer one; an
     * update newer in none of them changes nothing.
     */
    static void mergeObject(Connection connection, ObjectUpdate update) throws SQLException {
        ObjectRecord item = update.row();
        EncodedTimestamps itemTimes = EncodedTimestamps.decode(item.createdAt());
        Timestamp data = itemTimes.data();
        Timestamp contentTypeTime = itemTimes.contentType();
        Timestamp meta = itemTimes.meta();
        if (update.contentTypeTimestamp() != null) {
            contentTypeTime = Timestamp.parse(update.contentTypeTimestamp());
            meta = contentTypeTime;
        }
        if (update.metaTimestamp() != null) {
            meta = Timestamp.parse(update.metaTimestamp());
        }
        ObjectRecord existing = existingRow(connection, item.name(), item.storagePolicyIndex());
        if (existing == null) {
            insert(connection, item, new EncodedTimestamps(data, contentTypeTime, meta).encode(), item.contentType());
            return;
        }
        EncodedTimestamps existingTimes = EncodedTimestamps.decode(existing.createdAt());
        SwiftBytes itemType = SwiftBytes.extract(item.contentType());
        SwiftBytes existingType = SwiftBytes.extract(existing.contentType());
        ObjectRecord dataSource = item;
        String swiftBytes = itemType.swiftBytes();
        String contentType = itemType.contentType();
        boolean newer = false;
        if (!existingTimes.data().isBefore(data)) {
            dataSource = existing;
            swiftBytes = existingType.swiftBytes();
            data = existingTimes.data();
        } else {
            newer = true;
        }
        if (!existingTimes.contentType().isBefore(contentTypeTime)) {
            contentType = existingType.contentType();
            contentTypeTime = existingTimes.contentType();
        } else {
            newer = true;
        }
        if (!existingTimes.meta().isBefore(meta)) {
            meta = existingTimes.meta();
        } else {
            newer = true;
        }
        if (!newer) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM object WHERE name = ? AND storage_policy_index = ? AND deleted IN (0, 1)")) {
            delete.setString(1, item.name());
            delete.setInt(2, item.storagePolicyIndex());
            delete.executeUpdate();
        }
        ObjectRecord merged = new ObjectRecord(item.name(), "", dataSource.size(), "", dataSource.etag(),
                dataSource.deleted(), item.storagePolicyIndex());
        insert(connection, merged, new EncodedTimestamps(data, contentTypeTime, meta).encode(),
                new SwiftBytes(contentType, swiftBytes).withSwiftBytes());
    }

    private static @Nullable ObjectRecord existingRow(Connection connection, String name, int policyIndex)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT name, created_at, size, content_type,"
                + " etag, deleted, storage_policy_index FROM object"
                + " WHERE name = ? AND storage_policy_index = ? AND deleted IN (0, 1)")) {
            select.setString(1, name);
            select.setInt(2, policyIndex);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? readRow(row) : null;
            }
        }
    }

    private static void insert(Connection connection, ObjectRecord record, String createdAt, String contentType)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO object (name, created_at, size,"
                + " content_type, etag, deleted, storage_policy_index) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, record.name());
            insert.setString(2, createdAt);
            insert.setLong(3, record.size());
            insert.setString(4, contentType);
            insert.setString(5, record.etag());
            insert.setInt(6, record.deleted() ? 1 : 0);
            insert.setInt(7, record.storagePolicyIndex());
            insert.executeUpdate();
        }
    }

    private static ObjectRecord readRow(ResultSet row) throws SQLException {
        return new ObjectRecord(row.getString(1), row.getString(2), row.getLong(3), row.getString(4),
                row.getString(5), row.getInt(6) != 0, row.getInt(7));
    }

    /** The live objects of one policy, as Swift's {@code list_objects_iter}. */
    static List<ListingEntry<ObjectRecord>> listObjects(Connection connection, ListingQuery query, int policyIndex)
            throws SQLException {
        DelimitedListing<ObjectRecord> listing = new DelimitedListing<>("object",
                "name, created_at, size, content_type, etag, deleted, storage_policy_index",
                "deleted = 0 AND storage_policy_index = ?", List.of(policyIndex),
                ContainerBroker::readRow);
        return listing.list(connection, query);
    }

    static void updateMetadata(Connection connection, Map<String, Metadata.Item> updates, ContainerSettings settings)
            throws SQLException {
        STAT.updateMetadata(connection, updates, settings.maxMetaCount(), settings.maxMetaOverallSize());
    }

    static @Nullable AccountTarget accountTarget(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT hosts, devices, partition FROM account_target");
                ResultSet row = select.executeQuery()) {
            return row.next() ? new AccountTarget(row.getString(1), row.getString(2), row.getString(3)) : null;
        }
    }

    static void saveAccountTarget(Connection connection, AccountTarget target) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM account_target")) {
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO account_target (hosts, devices, partition) VALUES (?, ?, ?)")) {
            insert.setString(1, target.hosts());
            insert.setString(2, target.devices());
            insert.setString(3, target.partition());
            insert.executeUpdate();
        }
    }

    /** Swift's {@code reported}: what the account servers now know. */
    static void reported(Connection connection, ContainerInfo sent) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE container_stat SET"
                + " reported_put_timestamp = ?, reported_delete_timestamp = ?, reported_object_count = ?,"
                + " reported_bytes_used = ?")) {
            update.setString(1, sent.putTimestamp());
            update.setString(2, sent.deleteTimestamp());
            update.setLong(3, sent.objectCount());
            update.setLong(4, sent.bytesUsed());
            update.executeUpdate();
        }
    }

    private static void ensurePolicyStat(Connection connection, int policyIndex) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT OR IGNORE INTO policy_stat (storage_policy_index, object_count, bytes_used) VALUES (?, 0, 0)")) {
            insert.setInt(1, policyIndex);
            insert.executeUpdate();
        }
    }
}
