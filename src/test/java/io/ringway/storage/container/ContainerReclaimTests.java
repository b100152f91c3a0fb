package io.ringway.storage.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.storage.db.DatabasePaths;
import io.ringway.storage.db.DatabaseReclaimer;
import io.ringway.storage.db.Metadata;
import io.ringway.storage.db.SqlCall;
import io.ringway.storage.db.Sqlite;
import io.ringway.storage.node.DeviceRoot;
import io.ringway.storage.node.ServerType;
import io.ringway.swift.Timestamp;
import io.ringway.testing.storage.TestNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reclaiming container tombstones, emptied metadata and deleted databases after {@code reclaim_age}. */
final class ContainerReclaimTests {

    private static final String OLD = "1700000000.00000";
    private static final String RECENT = "1700600000.00000";
    /** A week and a day after {@link #OLD}, so OLD is past a one-week reclaim age and RECENT is not. */
    private static final Clock NOW = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L + 8 * 86_400), ZoneOffset.UTC);

    @TempDir
    Path root;

    private DeviceRoot devices;
    private DatabaseReclaimer reclaimer;

    @BeforeEach
    void setUp() {
        devices = TestNode.devices(root);
        reclaimer = new DatabaseReclaimer(devices, ServerType.CONTAINER, Duration.ofDays(7), NOW);
    }

    @Test
    void removesOldTombstonesAndEmptiedMetadataButKeepsALiveContainer() {
        Path file = create("live", c -> {
            ContainerBroker.mergeObject(c, ObjectUpdate.of(new ObjectRecord("o", OLD, 1, "a/b", "e", false, 0)));
            ContainerBroker.mergeObject(c, ObjectUpdate.of(ObjectRecord.tombstone("gone", OLD, 0)));
            ContainerBroker.mergeObject(c, ObjectUpdate.of(ObjectRecord.tombstone("fresh", RECENT, 0)));
            ContainerBroker.STAT.updateMetadata(c, Map.of("X-Container-Meta-Old", new Metadata.Item("", OLD),
                    "X-Container-Meta-New", new Metadata.Item("", RECENT),
                    "X-Container-Meta-Kept", new Metadata.Item("v", OLD)), -1, -1);
            return Boolean.TRUE;
        });
        assertThat(reclaimer.sweep().block()).isEqualTo(new DatabaseReclaimer.Sweep(1, 1, 0));
        assertThat(file).exists();
        Metadata metadata = Sqlite.onExisting(file, ContainerBroker.STAT::metadata).block();
        assertThat(metadata.items()).containsOnlyKeys("X-Container-Meta-New", "X-Container-Meta-Kept");
    }

    @Test
    void removesAContainerDeletedLongAgoOnceItsAccountKnows() {
        Path reported = create("reported", c -> {
            ContainerBroker.STAT.markDeleted(c, "1700000001.00000");
            ContainerBroker.reported(c, ContainerBroker.info(c));
            return Boolean.TRUE;
        });
        Path unreported = create("unreported", c -> {
            ContainerBroker.STAT.markDeleted(c, "1700000001.00000");
            return Boolean.TRUE;
        });
        Path recent = create("recent", c -> {
            ContainerBroker.STAT.markDeleted(c, RECENT);
            ContainerBroker.reported(c, ContainerBroker.info(c));
            return Boolean.TRUE;
        });
        assertThat(reclaimer.sweep().block()).isEqualTo(new DatabaseReclaimer.Sweep(3, 0, 1));
        assertThat(reported.getParent()).doesNotExist();
        assertThat(unreported).exists();
        assertThat(recent).exists();
        assertThat(reclaimer.sweep().block()).isEqualTo(new DatabaseReclaimer.Sweep(2, 0, 0));
    }

    private Path create(String container, SqlCall<Boolean> work) {
        String hash = TestNode.HASH_PATH.hex("a", container, null);
        Path file = DatabasePaths.of(devices.device("sda1").orElseThrow(), ServerType.CONTAINER, "1", hash);
        Sqlite.onCreating(file, c -> {
            ContainerBroker.initialize(c, "a", container, Timestamp.parse(OLD), OLD, 0);
            return work.call(c);
        }).block();
        assertThat(Files.exists(file)).isTrue();
        return file;
    }
}
