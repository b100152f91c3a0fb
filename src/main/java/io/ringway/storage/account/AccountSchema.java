package io.ringway.storage.account;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The account database as Swift 2.30 lays it out ({@code AccountBroker._initialize}): the
 * {@code container} table, whose triggers keep the totals of the single-row
 * {@code account_stat} and the per-policy totals of {@code policy_stat}.
 */
final class AccountSchema {

    private static final String[] DDL = {
        """
        CREATE TABLE container (
            ROWID INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT,
            put_timestamp TEXT,
            delete_timestamp TEXT,
            object_count INTEGER,
            bytes_used INTEGER,
            deleted INTEGER DEFAULT 0,
            storage_policy_index INTEGER DEFAULT 0
        )""",
        "CREATE INDEX ix_container_deleted_name ON container (deleted, name)",
        """
        CREATE TABLE account_stat (
            account TEXT,
            created_at TEXT,
            put_timestamp TEXT DEFAULT '0',
            delete_timestamp TEXT DEFAULT '0',
            container_count INTEGER,
            object_count INTEGER DEFAULT 0,
            bytes_used INTEGER DEFAULT 0,
            hash TEXT default '00000000000000000000000000000000',
            id TEXT,
            status TEXT DEFAULT '',
            status_changed_at TEXT DEFAULT '0',
            metadata TEXT DEFAULT ''
        )""",
        """
        CREATE TABLE policy_stat (
            storage_policy_index INTEGER PRIMARY KEY,
            container_count INTEGER DEFAULT 0,
            object_count INTEGER DEFAULT 0,
            bytes_used INTEGER DEFAULT 0
        )""",
        """
        CREATE TRIGGER container_insert AFTER INSERT ON container
        BEGIN
            UPDATE account_stat
            SET container_count = container_count + (1 - new.deleted),
                object_count = object_count + new.object_count,
                bytes_used = bytes_used + new.bytes_used;
            INSERT OR IGNORE INTO policy_stat (storage_policy_index, container_count, object_count, bytes_used)
                VALUES (new.storage_policy_index, 0, 0, 0);
            UPDATE policy_stat
            SET container_count = container_count + (1 - new.deleted),
                object_count = object_count + new.object_count,
                bytes_used = bytes_used + new.bytes_used
            WHERE storage_policy_index = new.storage_policy_index;
        END""",
        """
        CREATE TRIGGER container_delete AFTER DELETE ON container
        BEGIN
            UPDATE account_stat
            SET container_count = container_count - (1 - old.deleted),
                object_count = object_count - old.object_count,
                bytes_used = bytes_used - old.bytes_used;
            UPDATE policy_stat
            SET container_count = container_count - (1 - old.deleted),
                object_count = object_count - old.object_count,
                bytes_used = bytes_used - old.bytes_used
            WHERE storage_policy_index = old.storage_policy_index;
        END""",
    };

    private AccountSchema() {
    }

    static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String ddl : DDL) {
                statement.execute(ddl);
            }
        }
    }
}
