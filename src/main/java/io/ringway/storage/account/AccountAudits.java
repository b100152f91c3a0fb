package io.ringway.storage.account;

import io.ringway.storage.db.DatabaseInfo;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An account database as Swift's account auditor checks it: {@code get_info()} must read, and its
 * totals must be the sums of its per-policy totals ({@code validate_per_policy_counts}).
 */
public final class AccountAudits {

    private AccountAudits() {
    }

    /** Reads the account's info; throws what SQLite says of a damaged database. */
    public static DatabaseInfo info(Connection connection) throws SQLException {
        AccountInfo info = AccountBroker.info(connection);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("account", info.account());
        fields.put("created_at", info.createdAt());
        fields.put("put_timestamp", info.putTimestamp());
        fields.put("delete_timestamp", info.deleteTimestamp());
        fields.put("status", info.status());
        fields.put("container_count", Long.toString(info.containerCount()));
        fields.put("object_count", Long.toString(info.objectCount()));
        fields.put("bytes_used", Long.toString(info.bytesUsed()));
        return new DatabaseInfo("/" + info.account(), info.isDeleted(), fields,
                perPolicyMismatch(info, AccountBroker.policyStats(connection)));
    }

    private static @Nullable String perPolicyMismatch(AccountInfo info, Map<Integer, AccountBroker.PolicyStats> stats) {
        long containers = 0;
        long objects = 0;
        long bytes = 0;
        for (AccountBroker.PolicyStats policy : stats.values()) {
            containers += policy.containerCount();
            objects += policy.objectCount();
            bytes += policy.bytesUsed();
        }
        // Swift's message, key by key in its order
        String mismatch = mismatch("object_count", info.objectCount(), objects);
        if (mismatch == null) {
            mismatch = mismatch("bytes_used", info.bytesUsed(), bytes);
        }
        return mismatch != null ? mismatch : mismatch("container_count", info.containerCount(), containers);
    }

    private static @Nullable String mismatch(String key, long total, long sum) {
        return total == sum ? null : "The total " + key + " for the container (" + total + ") does not match the sum of "
                + key + " across policies (" + sum + ")";
    }
}
