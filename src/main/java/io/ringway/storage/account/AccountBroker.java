package io.ringway.storage.account;

import io.ringway.storage.db.DelimitedListing;
import io.ringway.storage.db.ListingEntry;
import io.ringway.storage.db.ListingQuery;
import io.ringway.storage.db.StatTable;
import io.ringway.swift.Timestamp;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Swift's {@code AccountBroker}, on one open connection inside a {@link io.ringway.storage.db.Sqlite} call. */
final class AccountBroker {

    static final StatTable STAT = new StatTable("account");

    /** Per-policy totals, in Swift's {@code get_policy_stats} key order. */
    record PolicyStats(long containerCount, long objectCount, long bytesUsed) {
    }

    private AccountBroker() {
    }

    static boolean isInitialized(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'account_stat'");
                ResultSet row = select.executeQuery()) {
            return row.next();
        }
    }

    static void initialize(Connection connection, String account, Timestamp now, String putTimestamp)
            throws SQLException {
        AccountSchema.create(connection);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO account_stat (account, created_at,"
                + " id, put_timestamp, status_changed_at, container_count) VALUES (?, ?, ?, ?, ?, 0)")) {
            insert.setString(1, account);
            insert.setString(2, now.internal());
            insert.setString(3, UUID.randomUUID().toString());
            insert.setString(4, putTimestamp);
            insert.setString(5, putTimestamp);
            insert.executeUpdate();
        }
    }

    static AccountInfo info(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT account, created_at, put_timestamp,"
                + " delete_timestamp, status, container_count, object_count, bytes_used FROM account_stat");
                ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("missing row in account_stat table");
            }
            return new AccountInfo(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                    row.getString(5), row.getLong(6), row.getLong(7), row.getLong(8));
        }
    }

    static Map<Integer, PolicyStats> policyStats(Connection connection) throws SQLException {
        Map<Integer, PolicyStats> stats = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT storage_policy_index, container_count,"
                + " object_count, bytes_used FROM policy_stat");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                stats.put(rows.getInt(1), new PolicyStats(rows.getLong(2), rows.getLong(3), rows.getLong(4)));
            }
        }
        return stats;
    }

    /**
     * Swift's {@code put_container} and {@code merge_items}: per name, the newest put and the
     * newest delete timestamps are kept, the counts are the reported ones, and the row is
     * deleted when deleted after its last PUT with no objects.
     */
    static void putContainer(Connection connection, ContainerRecord incoming) throws SQLException {
        String put = incoming.putTimestamp();
        String delete = incoming.deleteTimestamp();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT put_timestamp, delete_timestamp FROM container WHERE name = ? AND deleted IN (0, 1)")) {
            select.setString(1, incoming.name());
            try (ResultSet existing = select.executeQuery()) {
                if (existing.next()) {
                    if (Timestamp.parse(existing.getString(1)).isAfter(Timestamp.parse(put))) {
                        put = existing.getString(1);
                    }
                    if (Timestamp.parse(existing.getString(2)).isAfter(Timestamp.parse(delete))) {
                        delete = existing.getString(2);
                    }
                }
            }
        }
        boolean deleted = Timestamp.parse(delete).isAfter(Timestamp.parse(put)) && incoming.objectCount() == 0;
        try (PreparedStatement remove = connection.prepareStatement(
                "DELETE FROM container WHERE name = ? AND deleted IN (0, 1)")) {
            remove.setString(1, incoming.name());
            remove.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO container (name, put_timestamp,"
                + " delete_timestamp, object_count, bytes_used, deleted, storage_policy_index)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, incoming.name());
            insert.setString(2, put);
            insert.setString(3, delete);
            insert.setLong(4, incoming.objectCount());
            insert.setLong(5, incoming.bytesUsed());
            insert.setInt(6, deleted ? 1 : 0);
            insert.setInt(7, incoming.storagePolicyIndex());
            insert.executeUpdate();
        }
    }

    /** The live containers, as Swift's {@code list_containers_iter}. */
    static List<ListingEntry<ContainerRecord>> listContainers(Connection connection, ListingQuery query)
            throws SQLException {
        DelimitedListing<ContainerRecord> listing = new DelimitedListing<>("container",
                "name, put_timestamp, delete_timestamp, object_count, bytes_used, deleted, storage_policy_index",
                "deleted = 0", List.of(),
                row -> new ContainerRecord(row.getString(1), row.getString(2), row.getString(3), row.getLong(4),
                        row.getLong(5), row.getInt(6) != 0, row.getInt(7)));
        return listing.list(connection, query);
    }
}
