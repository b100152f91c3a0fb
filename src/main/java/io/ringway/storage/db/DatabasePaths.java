package io.ringway.storage.db;

import io.ringway.storage.node.ServerType;
import java.nio.file.Path;

/**
 * Where Swift keeps a database: {@code {device}/{accounts|containers}/{partition}/{hash[-3:]}/{hash}/{hash}.db}
 * ({@code storage_directory} in {@code swift/common/utils.py}).
 */
public final class DatabasePaths {

    private DatabasePaths() {
    }

    public static Path of(Path device, ServerType type, String partition, String hash) {
        return device.resolve(type.dataDirectory())
                .resolve(partition)
                .resolve(hash.substring(hash.length() - 3))
                .resolve(hash)
                .resolve(hash + ".db");
    }
}
