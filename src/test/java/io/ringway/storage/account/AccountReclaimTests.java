package io.ringway.storage.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.storage.db.DatabasePaths;
import io.ringway.storage.db.DatabaseReclaimer;
import io.ringway.storage.db.SqlCall;
import io.ringway.storage.db.Sqlite;
import io.ringway.storage.node.DeviceRoot;
import io.ringway.storage.node.ServerType;
import io.ringway.swift.Timestamp;
import io.ringway.testing.storage.TestNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reclaiming deleted container rows and deleted accounts after {@code reclaim_age}. */
final class AccountReclaimTests {

    private static final String OLD = "1700000000.00000";
    private static final Clock NOW = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L + 8 * 86_400), ZoneOffset.UTC);

    @TempDir
    Path root;

    private DeviceRoot devices;
    private DatabaseReclaimer reclaimer;

    @BeforeEach
    void setUp() {
        devices = TestNode.devices(root);
        reclaimer = new DatabaseReclaimer(devices, ServerType.ACCOUNT, Duration.ofDays(7), NOW);
    }

    @Test
    void removesOldDeletedContainerRowsThenTheDeletedAccount() {
        Path live = create("live", c -> {
            AccountBroker.putContainer(c, new ContainerRecord("c1", OLD, "0", 1, 1, false, 0));
            AccountBroker.putContainer(c, new ContainerRecord("c2", OLD, "1700000001.00000", 0, 0, false, 0));
            return Boolean.TRUE;
        });
        Path deleted = create("deleted", c -> {
            AccountBroker.STAT.markDeleted(c, "1700000002.00000");
            return Boolean.TRUE;
        });
        assertThat(reclaimer.sweep().block()).isEqualTo(new DatabaseReclaimer.Sweep(2, 1, 1));
        assertThat(live).exists();
        assertThat(deleted.getParent()).doesNotExist();
        assertThat(Sqlite.onExisting(live, AccountBroker::info).block().containerCount()).isEqualTo(1);
    }

    private Path create(String account, SqlCall<Boolean> work) {
        String hash = TestNode.HASH_PATH.hex(account, null, null);
        Path file = DatabasePaths.of(devices.device("sda1").orElseThrow(), ServerType.ACCOUNT, "1", hash);
        Sqlite.onCreating(file, c -> {
            AccountBroker.initialize(c, account, Timestamp.parse(OLD), OLD);
            return work.call(c);
        }).block();
        return file;
    }
}
