package io.ringway.storage.db;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a database auditor learns from a database's {@code get_info()}.
 *
 * @param name the database's path in Swift's form: {@code /account} or {@code /account/container}
 * @param deleted Swift's {@code is_deleted()}: the auditor skips it
 * @param fields {@code get_info()}'s keys and values as strings (Swift's names)
 * @param inconsistency why the database fails its audit although it reads (an account whose totals
 *     are not the sum of its per-policy totals), or {@code null}
 */
public record DatabaseInfo(String name, boolean deleted, Map<String, String> fields, @Nullable String inconsistency) {

    public DatabaseInfo {
        fields = Map.copyOf(fields);
    }
}
