package io.ringway.storage.audit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The storage node's auditors ({@code ringway.storage.auditor.*}). Swift's auditors run
 * continuously, sleeping {@code interval} (object: 30 s, databases: 30 min) between passes, their
 * pace set by their rate limits. Here a pass of each kind starts every interval (one at a time
 * per kind; a pass that runs longer than its interval is followed by the next at the next tick),
 * the first one an interval after the node starts; the rates are Swift's.
 *
 * @param enabled whether the auditors run at all
 * @param objectInterval time between the starts of two {@code ALL} object passes (read every body)
 * @param zeroByteInterval time between the starts of two {@code ZBF} object passes (sizes only)
 * @param containerInterval time between container audit passes
 * @param accountInterval time between account audit passes
 * @param filesPerSecond objects a second in an {@code ALL} pass (Swift's {@code files_per_second}; 0: no limit)
 * @param bytesPerSecond body bytes read a second (Swift's {@code bytes_per_second}; 0: no limit)
 * @param zeroByteFilesPerSecond objects a second in a {@code ZBF} pass (Swift's {@code zero_byte_files_per_second})
 * @param containersPerSecond container databases a second (Swift's {@code containers_per_second})
 * @param accountsPerSecond account databases a second (Swift's {@code accounts_per_second})
 * @param watchers the audit watchers every pass runs, by name ({@code dark_data}, {@code account_location}, or
 *     an operator's, found through {@code ServiceLoader})
 * @param watcher each watcher's own settings, {@code ringway.storage.auditor.watcher.<name>.<key>}
 * @param watcherTimeout how long an auditor waits for its watchers to take one object or database;
 *     slower, they are stopped for the rest of the pass
 * @param watcherPassBudget how long an auditor may wait on its watchers in all during one pass;
 *     beyond it they are stopped for the rest of the pass ({@code 0}: no bound but {@code watcherTimeout} each)
 * @param watcherStartTimeout how long the watchers' child JVM may take to start
 * @param watcherExitDelay how long the child may linger after a pass before it is killed
 * @param watcherHeap the child JVM's maximum heap
 * @param watcherClasspath jars or directories added to the child's classpath (operators' watchers)
 * @param watcherJvmOptions more options for the child JVM
 */
@ConfigurationProperties("ringway.storage.auditor")
public record AuditorProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("30m") Duration objectInterval,
        @DefaultValue("30m") Duration zeroByteInterval,
        @DefaultValue("30m") Duration containerInterval,
        @DefaultValue("30m") Duration accountInterval,
        @DefaultValue("20") double filesPerSecond,
        @DefaultValue("10000000") long bytesPerSecond,
        @DefaultValue("50") double zeroByteFilesPerSecond,
        @DefaultValue("200") double containersPerSecond,
        @DefaultValue("200") double accountsPerSecond,
        @DefaultValue List<String> watchers,
        @DefaultValue Map<String, Map<String, String>> watcher,
        @DefaultValue("10s") Duration watcherTimeout,
        @DefaultValue("0s") Duration watcherPassBudget,
        @DefaultValue("60s") Duration watcherStartTimeout,
        @DefaultValue("5s") Duration watcherExitDelay,
        @DefaultValue("64MB") DataSize watcherHeap,
        @DefaultValue List<Path> watcherClasspath,
        @DefaultValue List<String> watcherJvmOptions) {

    /** The object auditor's rates. */
    public ObjectAuditRates objectRates() {
        return new ObjectAuditRates(filesPerSecond, bytesPerSecond, zeroByteFilesPerSecond);
    }
}
