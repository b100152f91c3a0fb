package io.ringway.storage.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * The single-row {@code account_stat} / {@code container_stat} table that Swift's
 * {@code DatabaseBroker} keeps its timestamps, status and metadata in. Timestamps are stored in
 * their internal string form and, as in Swift, compared as strings in SQL.
 */
public final class StatTable {

    private final String table;

    /** @param dbType {@code "account"} or {@code "container"} */
    public StatTable(String dbType) {
        this.table = dbType + "_stat";
    }

    public Metadata metadata(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT metadata FROM " + table);
                ResultSet row = select.executeQuery()) {
            return row.next() ? Metadata.fromJson(row.getString(1)) : Metadata.empty();
        }
    }

    /**
     * Merges metadata updates; with limits, refuses a result over them.
     *
     * @throws BackendHttpException 400 with Swift's message when a limit is exceeded
     */
    public void updateMetadata(Connection connection, Map<String, Metadata.Item> updates,
            int maxCount, int maxOverallSize) throws SQLException {
        Metadata current = metadata(connection);
        if (updates.isEmpty() || current.unchangedBy(updates)) {
            return;
        }
        Metadata merged = current.merge(updates);
        if (maxCount >= 0) {
            merged.validate(maxCount, maxOverallSize).ifPresent(message -> {
                throw new BackendHttpException(400, message);
            });
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + table + " SET metadata = ?")) {
            update.setString(1, merged.toJson());
            update.executeUpdate();
        }
    }

    /** Swift's {@code update_put_timestamp}: only moves forward. */
    public void updatePutTimestamp(Connection connection, String timestamp) throws SQLException {
        updateIfNewer(connection, "put_timestamp", timestamp);
    }

    /** Swift's {@code update_status_changed_at}: only moves forward. */
    public void updateStatusChangedAt(Connection connection, String timestamp) throws SQLException {
        updateIfNewer(connection, "status_changed_at", timestamp);
    }

    /**
     * Swift's {@code delete_db}: clears every metadata key at {@code timestamp}, then records the
     * delete timestamp and status {@code DELETED} when newer than the current delete timestamp.
     */
    public void markDeleted(Connection connection, String timestamp) throws SQLException {
        updateMetadata(connection, metadata(connection).clearedAt(timestamp), -1, -1);
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + table
                + " SET delete_timestamp = ?, status = 'DELETED', status_changed_at = ? WHERE delete_timestamp < ?")) {
            update.setString(1, timestamp);
            update.setString(2, timestamp);
            update.setString(3, timestamp);
            update.executeUpdate();
        }
    }

    private void updateIfNewer(Connection connection, String column, String timestamp) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE " + table + " SET " + column + " = ? WHERE " + column + " < ?")) {
            update.setString(1, timestamp);
            update.setString(2, timestamp);
            update.executeUpdate();
        }
    }
}
