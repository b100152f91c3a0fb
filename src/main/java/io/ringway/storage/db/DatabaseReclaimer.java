package io.ringway.storage.db;

import static java.util.Objects.requireNonNull;

import io.ringway.storage.node.DeviceRoot;
import io.ringway.storage.node.ServerType;
import io.ringway.swift.Timestamp;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The reclaim half of Swift's db-replicator ({@code _reclaim} and {@code delete_db} in
 * {@code swift/common/db_replicator.py}) for one server type: in every account or container
 * database, rows deleted longer than {@code reclaim_age} ago and metadata keys emptied that long
 * ago are removed; a database that is empty and was deleted (after its last PUT) longer than
 * {@code reclaim_age} ago is removed with its directory, a container's only once its account
 * knows (its reported state is current). The caller schedules {@link #sweep()} (Swift's
 * replicator {@code interval}, 30 s; {@code reclaim_age} defaults to a week).
 */
public final class DatabaseReclaimer {

    private static final Logger log = LoggerFactory.getLogger(DatabaseReclaimer.class);

    /**
     * What one sweep did.
     *
     * @param checked databases looked at
     * @param rowsRemoved deleted rows reclaimed
     * @param databasesRemoved whole databases removed
     */
    public record Sweep(int checked, long rowsRemoved, int databasesRemoved) {
    }

    private record Reclaimed(long rows, boolean removeDatabase) {
    }

    private final DeviceRoot devices;
    private final ServerType type;
    private final Duration reclaimAge;
    private final Clock clock;
    private final StatTable stat;

    /** @param type {@link ServerType#ACCOUNT} or {@link ServerType#CONTAINER} */
    public DatabaseReclaimer(DeviceRoot devices, ServerType type, Duration reclaimAge, Clock clock) {
        this.devices = requireNonNull(devices, "devices");
        this.type = requireNonNull(type, "type");
        if (type == ServerType.OBJECT) {
            throw new IllegalArgumentException("type: OBJECT (expected: ACCOUNT or CONTAINER)");
        }
        this.reclaimAge = requireNonNull(reclaimAge, "reclaimAge");
        this.clock = requireNonNull(clock, "clock");
        this.stat = new StatTable(type.swiftName());
    }

    public Mono<Sweep> sweep() {
        String age = Timestamp.ofMillis(clock.millis() - reclaimAge.toMillis()).internal();
        return Mono.fromCallable(this::databases)
                .subscribeOn(Schedulers.boundedElastic())
                .flatMapMany(Flux::fromIterable)
                .concatMap(file -> reclaim(file, age))
                .collectList()
                .map(results -> new Sweep(results.size(),
                        results.stream().mapToLong(Reclaimed::rows).sum(),
                        (int) results.stream().filter(Reclaimed::removeDatabase).count()));
    }

    private Mono<Reclaimed> reclaim(Path file, String age) {
        return Sqlite.onExisting(file, c -> {
                    if (!isInitialized(c)) {
                        return null;
                    }
                    long rows = reclaimRows(c, age);
                    reclaimMetadata(c, age);
                    boolean remove = isReclaimable(c, age);
                    if (remove) {
                        c.commit();
                        // Still under the database's lock, so no request sees it half gone.
                        removeDatabaseDirectory(file);
                    }
                    return new Reclaimed(rows, remove);
                })
                .onErrorResume(error -> {
                    log.error("ERROR reclaiming {}", file, error);
                    return Mono.empty();
                });
    }

    private boolean isInitialized(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            select.setString(1, type.swiftName() + "_stat");
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    /** Swift's {@code TombstoneReclaimer}: deleted rows older than the age, compared as strings. */
    private long reclaimRows(Connection c, String age) throws SQLException {
        String sql = type == ServerType.CONTAINER
                ? "DELETE FROM object WHERE deleted = 1 AND created_at < ?"
                : "DELETE FROM container WHERE deleted = 1 AND delete_timestamp < ?";
        try (PreparedStatement delete = c.prepareStatement(sql)) {
            delete.setString(1, age);
            return delete.executeUpdate();
        }
    }

    /** Swift's {@code _reclaim_metadata}: emptied keys older than the age go. */
    private void reclaimMetadata(Connection c, String age) throws SQLException {
        Metadata metadata = stat.metadata(c);
        Timestamp limit = Timestamp.parse(age);
        List<String> kept = new ArrayList<>();
        Map<String, Metadata.Item> remaining = new LinkedHashMap<>();
        metadata.items().forEach((key, item) -> {
            if (item.value().isEmpty() && Timestamp.parse(item.timestamp()).isBefore(limit)) {
                return;
            }
            kept.add(key);
            remaining.put(key, item);
        });
        if (kept.size() == metadata.items().size()) {
            return;
        }
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE " + type.swiftName() + "_stat SET metadata = ?")) {
            update.setString(1, new Metadata(remaining).toJson());
            update.executeUpdate();
        }
    }

    /**
     * Swift's {@code is_reclaimable}: nothing left, deleted after the last PUT and before the age;
     * for a container also {@code report_up_to_date} (the account knows it is gone).
     */
    private boolean isReclaimable(Connection c, String age) throws SQLException {
        String sql = type == ServerType.CONTAINER
                ? "SELECT s.put_timestamp, s.delete_timestamp, coalesce(p.object_count, 0),"
                        + " s.reported_put_timestamp = s.put_timestamp"
                        + " AND s.reported_delete_timestamp = s.delete_timestamp"
                        + " AND s.reported_object_count = coalesce(p.object_count, 0)"
                        + " AND s.reported_bytes_used = coalesce(p.bytes_used, 0)"
                        + " FROM container_stat s LEFT JOIN policy_stat p"
                        + " ON p.storage_policy_index = s.storage_policy_index"
                : "SELECT put_timestamp, delete_timestamp, container_count, 1 FROM account_stat";
        try (PreparedStatement select = c.prepareStatement(sql);
                ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                return false;
            }
            Timestamp put = Timestamp.parse(row.getString(1));
            Timestamp delete = Timestamp.parse(row.getString(2));
            return row.getLong(3) == 0
                    && Timestamp.parse(age).isAfter(delete)
                    && delete.isAfter(put)
                    && row.getBoolean(4);
        }
    }

    /** Swift's {@code delete_db}: the hash directory, then its suffix and partition directories when empty. */
    private static void removeDatabaseDirectory(Path file) {
        Path hashDir = file.getParent();
        try (Stream<Path> tree = Files.walk(hashDir)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
            Path suffixDir = hashDir.getParent();
            for (Path parent : List.of(suffixDir, suffixDir.getParent())) {
                try {
                    Files.delete(parent);
                } catch (DirectoryNotEmptyException e) {
                    break;
                } catch (NoSuchFileException e) {
                    // Already gone: look at the next level up, as Swift does on ENOENT.
                }
            }
        } catch (IOException e) {
            log.error("ERROR while trying to clean up {}", hashDir, e);
        }
    }

    private List<Path> databases() throws IOException {
        return DatabaseFiles.list(devices, type);
    }
}
