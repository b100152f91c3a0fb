package io.ringway.storage.audit;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.ringway.storage.audit.watcher.AuditType;
import io.ringway.storage.audit.watcher.SeenTargets;
import io.ringway.storage.audit.watcher.WatcherOptions;
import io.ringway.storage.audit.watcher.WatcherReportHandler;
import io.ringway.storage.audit.watcher.Watchers;
import io.ringway.storage.recon.ReconCache;
import io.ringway.testing.storage.TestServers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Watchers run in a child JVM per pass: whatever one does (throw, hang, exhaust its heap, exit),
 * the auditor finishes its pass within the configured bound with the right stats, stays usable,
 * and the child is gone afterwards. Each test runs real child JVMs of the test classpath with the
 * watchers of {@code TestWatchers}.
 */
class WatcherIsolationTests {

    private static final int OBJECTS = 4;
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Duration EXIT_DELAY = Duration.ofSeconds(1);

    @RegisterExtension
    final TestServers servers = new TestServers();

    @TempDir
    Path reconDir;

    private final List<Map<String, Object>> reports = new ArrayList<>();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger processLog = (Logger) LoggerFactory.getLogger("io.ringway.storage.audit.watcher.WatcherProcess");
    private AuditTestNode node;

    @BeforeEach
    void setUp() throws Exception {
        node = new AuditTestNode(servers);
        node.start();
        for (int i = 0; i < OBJECTS; i++) {
            node.putObject("o" + i, "body " + i);
        }
        logs.start();
        processLog.addAppender(logs);
    }

    @AfterEach
    void tearDown() {
        processLog.detachAppender(logs);
    }

    @Test
    void aWatcherThatThrowsIsLoggedAndTheOthersSeeEveryObject() throws Exception {
        Watchers watchers = watchers("test_throwing", "test_counting");

        ObjectAuditStats stats = auditor(watchers).pass(AuditType.ALL);

        assertSoundPass(stats);
        assertThat(reports).hasSize(1);
        assertThat((List<?>) reports.get(0).get("seen")).hasSize(OBJECTS);
        assertThat(messages()).anyMatch(line -> line.contains("watcher test_throwing failed on /a/c/o0")
                && line.contains("watcher["));
        assertChildGone(watchers);
    }

    @Test
    void aWatcherThatHangsIsKilledAfterTheTimeoutAndThePassGoesOnWithoutIt() throws Exception {
        Watchers watchers = watchers("test_hanging");

        long start = System.nanoTime();
        ObjectAuditStats stats = auditor(watchers).pass(AuditType.ALL);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertSoundPass(stats);
        // one object's wait, not one per object (4 x 2 s), and never the hang itself
        assertThat(took).isGreaterThanOrEqualTo(TIMEOUT).isLessThan(TIMEOUT.multipliedBy(OBJECTS).plusSeconds(1));
        assertThat(warnings()).anyMatch(line -> line.contains("no answer within 2000 ms"));
        assertThat(watchers.lastChild().orElseThrow().isAlive()).as("killed at once").isFalse();
        assertAuditorStillUsable();
    }

    @Test
    void aWatcherSlowOnEveryObjectIsStoppedOnceThePassBudgetIsSpent() throws Exception {
        // 700 ms an object: each answer is within the timeout, but four would take 2.8 s
        Watchers watchers = watchers(Duration.ofMillis(1000), "test_slow");

        long start = System.nanoTime();
        ObjectAuditStats stats = auditor(watchers).pass(AuditType.ALL);
        long waitedAfterStart = System.nanoTime() - start;

        assertSoundPass(stats);
        assertThat(warnings()).anyMatch(line -> line.contains("(watcher-pass-budget 1000 ms)"));
        assertThat(watchers.lastChild().orElseThrow().isAlive()).as("killed at once").isFalse();
        // the child's start is not budgeted, so only a lower bound is exact: two objects' waits
        assertThat(Duration.ofNanos(waitedAfterStart)).isGreaterThanOrEqualTo(Duration.ofMillis(1400));
    }

    @Test
    void aWatcherThatExhaustsItsHeapTakesOnlyItsChildDown() throws Exception {
        Watchers watchers = watchers("test_leaking");

        ObjectAuditStats stats = auditor(watchers).pass(AuditType.ALL);

        assertSoundPass(stats);
        assertThat(warnings()).anyMatch(line -> line.contains("the child exited with status 3"));
        assertThat(messages()).anyMatch(line -> line.contains("OutOfMemoryError"));
        assertChildGone(watchers);
        assertAuditorStillUsable();
    }

    @Test
    void aWatcherThatCallsSystemExitTakesOnlyItsChildDown() throws Exception {
        Watchers watchers = watchers("test_exiting");

        ObjectAuditStats stats = auditor(watchers).pass(AuditType.ALL);

        assertSoundPass(stats);
        assertThat(warnings()).anyMatch(line -> line.contains("the child exited with status 3"));
        assertChildGone(watchers);
        assertAuditorStillUsable();
    }

    @Test
    void aWatchersQuarantineRequestIsCarriedOutByTheAuditor() throws Exception {
        node.putObject("dark", "nobody lists me");
        Watchers watchers = watchers("test_counting");

        ObjectAuditStats stats = auditor(watchers).pass(AuditType.ALL);

        assertThat(stats.quarantined()).isEqualTo(1);
        assertThat(stats.errors()).isZero();
        assertThat(node.getObject("dark")).isEqualTo(404);
        assertThat(node.getObject("o0")).isEqualTo(200);
        assertThat(node.quarantined("objects")).hasSize(1);
        assertChildGone(watchers);
    }

    @Test
    void aWellBehavedChildIsKilledAfterTheExitDelayEvenIfItLingers() throws Exception {
        Watchers watchers = watchers("test_counting");

        auditor(watchers).pass(AuditType.ZBF);

        assertThat(reports).singleElement().satisfies(report -> assertThat(report).containsEntry("type", "ZBF")
                .containsEntry("config", Map.of("swift_dir", "/nowhere", "greeting", "hello")));
        assertChildGone(watchers);
    }

    private ObjectAuditor auditor(Watchers watchers) {
        return new ObjectAuditor(servers.devices(), ObjectAuditRates.unlimited(), watchers, new ReconCache(reconDir));
    }

    private Watchers watchers(String... names) {
        return watchers(Duration.ZERO, names);
    }

    private Watchers watchers(Duration budget, String... names) {
        WatcherReportHandler handler = new WatcherReportHandler() {
            @Override
            public String watcherName() {
                return "test_counting";
            }

            @Override
            public void handle(AuditType type, Map<String, Object> report, SeenTargets seen) {
                reports.add(report);
            }
        };
        return new Watchers(new WatcherOptions(List.of(names),
                Map.of("test-counting", Map.of("greeting", "hello")), Map.of("swift_dir", "/nowhere"),
                TIMEOUT, budget, Duration.ofSeconds(60), EXIT_DELAY, 32L * 1024 * 1024, List.of(), List.of()),
                List.of(handler));
    }

    private void assertSoundPass(ObjectAuditStats stats) {
        assertThat(stats.passes()).isEqualTo(OBJECTS);
        assertThat(stats.quarantined()).isZero();
        assertThat(stats.errors()).isZero();
    }

    /** The child is gone within the exit delay (and a margin for a busy machine). */
    private static void assertChildGone(Watchers watchers) throws Exception {
        ProcessHandle child = watchers.lastChild().orElseThrow();
        child.onExit().get(EXIT_DELAY.toMillis() + 10_000, TimeUnit.MILLISECONDS);
        assertThat(child.isAlive()).isFalse();
        assertThat(ProcessHandle.current().children().toList()).doesNotContain(child);
    }

    /** The next pass, with a watcher that behaves, sees every object: nothing was left broken. */
    private void assertAuditorStillUsable() throws Exception {
        reports.clear();
        Watchers watchers = watchers("test_counting");
        assertSoundPass(auditor(watchers).pass(AuditType.ALL));
        assertThat(reports).singleElement().satisfies(report -> assertThat((List<?>) report.get("seen")).hasSize(OBJECTS));
        assertChildGone(watchers);
    }

    private List<String> messages() {
        return logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    private List<String> warnings() {
        return logs.list.stream()
                .filter(event -> event.getLevel() == ch.qos.logback.classic.Level.WARN)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }
}
