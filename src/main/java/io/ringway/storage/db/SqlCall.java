package io.ringway.storage.db;

import java.sql.Connection;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/** Work done on one open database connection; {@code null} means "no value" (an empty Mono). */
@FunctionalInterface
public interface SqlCall<T> {

    @Nullable T call(Connection connection) throws SQLException;
}
