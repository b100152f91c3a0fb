package io.ringway.storage.container;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The container database, as Swift 2.30 lays it out ({@code ContainerBroker._initialize}): the
 * {@code object} table, per-policy counters kept by triggers in {@code policy_stat}, and the
 * single-row {@code container_stat}. One addition, {@code account_target}, remembers where the
 * proxy said the account lives ({@code X-Account-Host/Device/Partition}), because this node has
 * no account ring for its updater to ask.
 */
final class ContainerSchema {

    private static final String[] DDL = {
        """
        CREATE TABLE object (
            ROWID INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT,
            created_at TEXT,
            size INTEGER,
            content_type TEXT,
            etag TEXT,
            deleted INTEGER DEFAULT 0,
            storage_policy_index INTEGER DEFAULT 0
        )""",
        "CREATE INDEX ix_object_deleted_name ON object (deleted, name)",
        """
        CREATE TABLE policy_stat (
            storage_policy_index INTEGER PRIMARY KEY,
            object_count INTEGER DEFAULT 0,
            bytes_used INTEGER DEFAULT 0
        )""",
        """
        CREATE TRIGGER object_insert_policy_stat AFTER INSERT ON object
        BEGIN
            INSERT OR IGNORE INTO policy_stat (storage_policy_index, object_count, bytes_used)
                SELECT new.storage_policy_index, 0, 0;
            UPDATE policy_stat
            SET object_count = object_count + (1 - new.deleted),
                bytes_used = bytes_used + new.size
            WHERE storage_policy_index = new.storage_policy_index;
        END""",
        """
        CREATE TRIGGER object_delete_policy_stat AFTER DELETE ON object
        BEGIN
            UPDATE policy_stat
            SET object_count = object_count - (1 - old.deleted),
                bytes_used = bytes_used - old.size
            WHERE storage_policy_index = old.storage_policy_index;
        END""",
        """
        CREATE TABLE container_stat (
            account TEXT,
            container TEXT,
            created_at TEXT,
            put_timestamp TEXT DEFAULT '0',
            delete_timestamp TEXT DEFAULT '0',
            reported_put_timestamp TEXT DEFAULT '0',
            reported_delete_timestamp TEXT DEFAULT '0',
            reported_object_count INTEGER DEFAULT 0,
            reported_bytes_used INTEGER DEFAULT 0,
            hash TEXT default '00000000000000000000000000000000',
            id TEXT,
            status TEXT DEFAULT '',
            status_changed_at TEXT DEFAULT '0',
            metadata TEXT DEFAULT '',
            x_container_sync_point1 INTEGER DEFAULT -1,
            x_container_sync_point2 INTEGER DEFAULT -1,
            storage_policy_index INTEGER DEFAULT 0,
            reconciler_sync_point INTEGER DEFAULT -1
        )""",
        """
        CREATE TABLE account_target (
            hosts TEXT,
            devices TEXT,
            partition TEXT
        )""",
    };

    private ContainerSchema() {
    }

    static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String ddl : DDL) {
                statement.execute(ddl);
            }
        }
    }
}
