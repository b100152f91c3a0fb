package io.ringway.storage.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.storage.audit.watcher.AuditType;
import io.ringway.storage.audit.watcher.Watchers;
import io.ringway.storage.recon.ReconCache;
import io.ringway.storage.recon.ReconFile;
import io.ringway.testing.storage.TestNode;
import io.ringway.testing.storage.TestServers;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The object auditor's two passes over objects written by the object server, damaged on disk by the tests. */
class ObjectAuditorTests {

    @RegisterExtension
    final TestServers servers = new TestServers();

    @TempDir
    Path reconDir;

    private AuditTestNode node;
    private ReconCache recon;
    private ObjectAuditor auditor;

    @BeforeEach
    void setUp() {
        node = new AuditTestNode(servers);
        node.start();
        recon = new ReconCache(reconDir);
        auditor = new ObjectAuditor(servers.devices(), ObjectAuditRates.unlimited(), Watchers.none(), recon);
    }

    @Test
    void soundObjectsPassAndTheirBytesAreCountedInRecon() throws Exception {
        node.putObject("o1", "hello");
        node.putObject("o2", "");
        node.putObject("o3", "x".repeat(200_000));

        ObjectAuditStats stats = auditor.pass(AuditType.ALL);

        assertThat(stats.passes()).isEqualTo(3);
        assertThat(stats.quarantined()).isZero();
        assertThat(stats.errors()).isZero();
        assertThat(stats.bytesProcessed()).isEqualTo(200_005);
        Map<String, Object> entry = reconEntry("object_auditor_stats_ALL");
        assertThat(entry).containsEntry("passes", 3).containsEntry("quarantined", 0).containsEntry("errors", 0)
                .containsEntry("bytes_processed", 200_005).containsKeys("start_time", "audit_time");
        assertThat(node.getObject("o1")).isEqualTo(200);
    }

    @Test
    void aBodyWhoseMd5IsNotItsEtagIsQuarantinedByTheFullPassOnly() throws Exception {
        node.putObject("good", "hello world");
        node.putObject("bad", "hello world");
        Path data = node.dataFile("bad");
        String hash = data.getParent().getFileName().toString();
        AuditTestNode.flipByte(data, 3);
        // before the audit the damaged body is served as it is
        assertThat(node.getObject("bad")).isEqualTo(200);

        ObjectAuditStats quick = auditor.pass(AuditType.ZBF);
        assertThat(quick.quarantined()).as("ZBF reads no bodies").isZero();
        assertThat(quick.bytesProcessed()).isZero();

        ObjectAuditStats full = auditor.pass(AuditType.ALL);

        assertThat(full.quarantined()).isEqualTo(1);
        assertThat(full.passes()).as("Swift counts the quarantined among the passes").isEqualTo(2);
        assertThat(node.getObject("bad")).isEqualTo(404);
        assertThat(node.getObject("good")).isEqualTo(200);
        assertThat(node.quarantined("objects")).containsExactly(hash);
        assertThat(node.device().resolve("quarantined/objects").resolve(hash).resolve(data.getFileName()))
                .as("the data is kept").exists();
        assertThat(reconEntry("object_auditor_stats_ALL")).containsEntry("quarantined", 1);
        assertThat(reconEntry("object_auditor_stats_ZBF")).containsEntry("quarantined", 0);
    }

    @Test
    void aTruncatedDataFileIsQuarantinedByTheZeroBytePass() throws Exception {
        node.putObject("cut", "some bytes that will be lost");
        node.putObject("empty", "more bytes");
        truncate(node.dataFile("cut"), 5);
        truncate(node.dataFile("empty"), 0);

        ObjectAuditStats stats = auditor.pass(AuditType.ZBF);

        assertThat(stats.quarantined()).isEqualTo(2);
        assertThat(node.getObject("cut")).isEqualTo(404);
        assertThat(node.getObject("empty")).isEqualTo(404);
        assertThat(node.quarantined("objects")).hasSize(2);
        assertThat(reconEntry("object_auditor_stats_ZBF")).containsEntry("quarantined", 2)
                .containsEntry("bytes_processed", 0);
    }

    @Test
    void aHashQuarantinedTwiceIsKeptTwiceWithAUuidSuffix() throws Exception {
        node.putObject("twice", "first");
        AuditTestNode.flipByte(node.dataFile("twice"), 0);
        auditor.pass(AuditType.ALL);
        node.putObject("twice", "second");
        AuditTestNode.flipByte(node.dataFile("twice"), 0);
        auditor.pass(AuditType.ALL);

        String hash = TestNode.HASH_PATH.hex("a", "c", "twice");
        List<String> quarantined = node.quarantined("objects");
        assertThat(quarantined).hasSize(2).contains(hash);
        assertThat(quarantined).anySatisfy(name -> assertThat(name).matches(hash + "-[0-9a-f]{32}"));
    }

    @Test
    void objectsOfAnotherPolicyGoToThatPolicysQuarantine() throws Exception {
        node.putObject(1, "silver", "policy one");
        AuditTestNode.flipByte(node.dataFile("silver"), 1);

        assertThat(auditor.pass(AuditType.ALL).quarantined()).isEqualTo(1);

        assertThat(node.quarantined("objects-1")).containsExactly(TestNode.HASH_PATH.hex("a", "c", "silver"));
        assertThat(node.quarantined("objects")).isEmpty();
    }

    @Test
    void aPassStartsByClearingTheStatsOfThePreviousOne() throws Exception {
        recon.dump(ReconFile.OBJECT, Map.of("object_auditor_stats_ALL", Map.of("passes", 99, "stale", 1)));

        auditor.pass(AuditType.ALL);

        assertThat(reconEntry("object_auditor_stats_ALL")).doesNotContainKey("stale").containsEntry("passes", 0);
    }

    @Test
    void filesGoAtTheConfiguredRate() throws Exception {
        for (int i = 0; i < 5; i++) {
            node.putObject("o" + i, "x");
        }
        FakePacer pacer = new FakePacer();
        ObjectAuditor limited = new ObjectAuditor(servers.devices(), new ObjectAuditRates(20, 0, 50), Watchers.none(),
                recon, pacer);

        limited.pass(AuditType.ALL);
        // 20 a second: each file after the first waits for its 50 ms slot
        assertThat(pacer.slept()).isEqualTo(4 * 50_000_000L);

        FakePacer zbf = new FakePacer();
        new ObjectAuditor(servers.devices(), new ObjectAuditRates(20, 0, 50), Watchers.none(), recon, zbf)
                .pass(AuditType.ZBF);
        assertThat(zbf.slept()).as("the ZBF pass has its own rate").isEqualTo(4 * 20_000_000L);
    }

    @Test
    void bodyBytesGoAtTheConfiguredRate() throws Exception {
        node.putObject("a", "x".repeat(1000));
        node.putObject("b", "x".repeat(1000));
        node.putObject("c", "x".repeat(1000));
        FakePacer pacer = new FakePacer();
        ObjectAuditor limited = new ObjectAuditor(servers.devices(), new ObjectAuditRates(0, 1000, 0), Watchers.none(),
                recon, pacer);

        ObjectAuditStats stats = limited.pass(AuditType.ALL);

        // 3000 bytes at 1000 a second: the first 1000 go at once, the others each wait a second
        assertThat(pacer.slept()).isEqualTo(2_000_000_000L);
        assertThat(stats.auditTime()).as("waits are not auditing time").isLessThan(1.0);
    }

    @Test
    void aLongPassWritesItsStatsSoFarEveryReportInterval() throws Exception {
        for (int i = 0; i < 4; i++) {
            node.putObject("o" + i, "x");
        }
        FakePacer pacer = new FakePacer();
        List<Object> seenDuringThePass = new java.util.ArrayList<>();
        pacer.onSleep(() -> seenDuringThePass.add(reconEntryOrEmpty("object_auditor_stats_ALL").get("passes")));
        ObjectAuditor auditor = new ObjectAuditor(servers.devices(), new ObjectAuditRates(1, 0, 0), Watchers.none(),
                recon, pacer, java.time.Clock.systemUTC(), java.time.Duration.ofSeconds(2));

        auditor.pass(AuditType.ALL);

        // one file a second: after the third (2 s in) the pass wrote what it had done so far
        assertThat(seenDuringThePass).containsExactly(null, null, 3);
        assertThat(reconEntry("object_auditor_stats_ALL")).containsEntry("passes", 4);
    }

    @Test
    void anExpiredObjectIsNotAuditedAsSwiftSkipsIt() throws Exception {
        // Later than the PUT's X-Timestamp, which the object server checks it against (AuditTestNode
        // stamps its requests a day before the real time), and earlier than the auditor's clock below.
        long deleteAt = System.currentTimeMillis() / 1000 + 100;
        node.putObjectExpiringAt("ephemeral", "soon gone", deleteAt);
        AuditTestNode.flipByte(node.dataFile("ephemeral"), 0);
        java.time.Clock later = java.time.Clock.fixed(java.time.Instant.ofEpochSecond(deleteAt + 1),
                java.time.ZoneOffset.UTC);
        ObjectAuditor auditor = new ObjectAuditor(servers.devices(), ObjectAuditRates.unlimited(), Watchers.none(),
                recon, new FakePacer(), later, java.time.Duration.ofHours(1));

        ObjectAuditStats stats = auditor.pass(AuditType.ALL);

        assertThat(stats.passes()).isEqualTo(1);
        assertThat(stats.quarantined()).isZero();
        assertThat(stats.bytesProcessed()).isZero();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> reconEntry(String key) {
        Object entry = recon.read(ReconFile.OBJECT, List.of(key)).get(key);
        assertThat(entry).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) entry;
    }

    /** The entry, or an empty map while there is none (a pass clears it when it starts). */
    @SuppressWarnings("unchecked")
    private Map<String, Object> reconEntryOrEmpty(String key) {
        Object entry = recon.read(ReconFile.OBJECT, List.of(key)).get(key);
        return entry instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static void truncate(Path file, long size) throws Exception {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
        assertThat(Files.size(file)).isEqualTo(size);
    }
}
