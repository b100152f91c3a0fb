package io.ringway.storage.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.storage.audit.watcher.Watchers;
import io.ringway.storage.db.DatabasePaths;
import io.ringway.storage.node.ServerType;
import io.ringway.storage.recon.ReconCache;
import io.ringway.storage.recon.ReconFile;
import io.ringway.storage.recon.ReconPasses;
import io.ringway.testing.storage.TestNode;
import io.ringway.testing.storage.TestServers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The container and account auditors over databases made by the servers, damaged by the tests. */
class DatabaseAuditorTests {

    @RegisterExtension
    final TestServers servers = new TestServers();

    @TempDir
    Path reconDir;

    private AuditTestNode node;
    private ReconCache recon;

    @BeforeEach
    void setUp() {
        node = new AuditTestNode(servers);
        node.start();
        recon = new ReconCache(reconDir);
    }

    @Test
    void soundContainersPassAndTheCountsGoToReconWithSwiftsKeys() throws Exception {
        node.putContainer("c1");
        node.putContainer("c2");
        double before = ReconPasses.now();

        DatabaseAuditStats stats = auditor(ServerType.CONTAINER).pass();

        assertThat(stats.passed()).isEqualTo(2);
        assertThat(stats.failed()).isZero();
        Map<String, Object> cache = recon.read(ReconFile.CONTAINER, List.of("container_audits_passed",
                "container_audits_failed", "container_audits_since", "container_auditor_pass_completed"));
        assertThat(cache).containsEntry("container_audits_passed", 2).containsEntry("container_audits_failed", 0);
        assertThat(((Number) cache.get("container_audits_since")).doubleValue()).isBetween(before - 1, before + 60);
        assertThat(((Number) cache.get("container_auditor_pass_completed")).doubleValue()).isNotNegative();
    }

    @Test
    void aContainerDatabaseThatIsNotADatabaseIsQuarantinedAndCountedAsFailed() throws Exception {
        node.putContainer("good");
        node.putContainer("bad");
        Path db = database(ServerType.CONTAINER, "a", "bad");
        String hash = db.getParent().getFileName().toString();
        overwrite(db, 0, "this is no SQLite header, just garbage bytes");

        DatabaseAuditStats stats = auditor(ServerType.CONTAINER).pass();

        assertThat(stats.passed()).isEqualTo(1);
        assertThat(stats.failed()).isEqualTo(1);
        assertThat(stats.quarantined()).isEqualTo(1);
        assertThat(node.quarantined("containers")).containsExactly(hash);
        assertThat(node.device().resolve("quarantined/containers").resolve(hash).resolve(hash + ".db")).exists();
        assertThat(db).doesNotExist();
        assertThat(node.headContainer("bad")).isEqualTo(404);
        assertThat(node.headContainer("good")).isEqualTo(204);
        assertThat(recon.read(ReconFile.CONTAINER, List.of("container_audits_failed")))
                .containsEntry("container_audits_failed", 1);
    }

    @Test
    void anAccountWhoseTotalsAreNotItsPolicyTotalsFailsButStays() throws Exception {
        node.putAccount("AUTH_ok");
        node.putAccount("AUTH_odd");
        Path db = database(ServerType.ACCOUNT, "AUTH_odd", null);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement statement = c.createStatement()) {
            statement.executeUpdate("UPDATE account_stat SET object_count = 99");
        }

        DatabaseAuditStats stats = auditor(ServerType.ACCOUNT).pass();

        assertThat(stats.passed()).isEqualTo(1);
        assertThat(stats.failed()).isEqualTo(1);
        assertThat(stats.quarantined()).isZero();
        assertThat(db).exists();
        assertThat(recon.read(ReconFile.ACCOUNT, List.of("account_audits_passed", "account_audits_failed")))
                .containsEntry("account_audits_passed", 1).containsEntry("account_audits_failed", 1);
    }

    @Test
    void aDamagedAccountDatabaseIsQuarantined() throws Exception {
        node.putAccount("AUTH_broken");
        Path db = database(ServerType.ACCOUNT, "AUTH_broken", null);
        overwrite(db, 0, "garbage garbage garbage garbage garbage garbage");

        DatabaseAuditStats stats = auditor(ServerType.ACCOUNT).pass();

        assertThat(stats.failed()).isEqualTo(1);
        assertThat(stats.quarantined()).isEqualTo(1);
        assertThat(node.quarantined("accounts")).containsExactly(db.getParent().getFileName().toString());
    }

    @Test
    void damageIsToldFromOtherErrorsAsSwiftTellsIt() {
        assertThat(DatabaseAuditor.damage(new java.sql.SQLException("[SQLITE_CORRUPT] database disk image is malformed")))
                .isEqualTo("malformed");
        assertThat(DatabaseAuditor.damage(new java.sql.SQLException("[SQLITE_NOTADB] file is not a database")))
                .isEqualTo("corrupted");
        assertThat(DatabaseAuditor.damage(new java.sql.SQLException("[SQLITE_BUSY] database is locked"))).isNull();
    }

    private DatabaseAuditor auditor(ServerType type) {
        return new DatabaseAuditor(servers.devices(), type, 0, Watchers.none(), recon);
    }

    private Path database(ServerType type, String account, String container) {
        String hash = TestNode.HASH_PATH.hex(account, container, null);
        Path db = DatabasePaths.of(node.device(), type, "0", hash);
        assertThat(db).exists();
        return db;
    }

    private static void overwrite(Path file, long position, String bytes) throws Exception {
        try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(bytes.getBytes(StandardCharsets.US_ASCII)), position);
        }
        assertThat(Files.size(file)).isPositive();
    }
}
