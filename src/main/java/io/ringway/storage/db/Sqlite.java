package io.ringway.storage.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Runs work on one SQLite database file, on {@link Schedulers#boundedElastic()}.
 *
 * <p>Concurrency: every call on a given file holds one of a fixed set of JVM-wide locks chosen by
 * the file's path, so the work on one database is serialized (as Swift's single-threaded
 * eventlet workers are per request) while different databases proceed in parallel. A connection
 * lives for one call: Swift reopens its brokers per request too, and it keeps no file
 * descriptors open for millions of databases. SQLite's own locking and a busy timeout cover any
 * other process (a real Swift replicator, say) touching the same file. Journal mode is WAL.
 */
public final class Sqlite {

    private static final int STRIPES = 256;
    private static final ReentrantLock[] LOCKS = new ReentrantLock[STRIPES];
    /** Swift's broker default {@code timeout=25}: how long to wait on another writer. */
    private static final int BUSY_TIMEOUT_MILLIS = 25_000;

    static {
        for (int i = 0; i < STRIPES; i++) {
            LOCKS[i] = new ReentrantLock();
        }
    }

    private Sqlite() {
    }

    /** Runs {@code work} on an existing database; empty when the file does not exist. */
    public static <T> Mono<T> onExisting(Path file, SqlCall<T> work) {
        return Mono.fromCallable(() -> runLocked(file, false, work))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * As {@link #onExisting}, on the calling thread, for background passes that run on their own
     * threads (the auditors); {@code null} when the file does not exist. Never on an event loop.
     */
    public static <T> @org.jspecify.annotations.Nullable T callExisting(Path file, SqlCall<T> work) throws SQLException {
        return runLocked(file, false, work);
    }

    /** Runs {@code work} on the database, creating the file and its directories when missing. */
    public static <T> Mono<T> onCreating(Path file, SqlCall<T> work) {
        return Mono.fromCallable(() -> runLocked(file, true, work))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private static <T> T runLocked(Path file, boolean create, SqlCall<T> work) throws SQLException {
        ReentrantLock lock = LOCKS[Math.floorMod(file.toAbsolutePath().hashCode(), STRIPES)];
        lock.lock();
        try {
            if (!create && !Files.exists(file)) {
                return null;
            }
            if (create) {
                createDirectories(file.getParent());
            }
            try (Connection connection = open(file)) {
                connection.setAutoCommit(false);
                try {
                    T result = work.call(connection);
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private static Connection open(Path file) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
            statement.execute("PRAGMA journal_mode = WAL");
            statement.execute("PRAGMA synchronous = NORMAL");
        }
        return connection;
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
