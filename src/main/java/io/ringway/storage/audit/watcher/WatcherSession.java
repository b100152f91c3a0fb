package io.ringway.storage.audit.watcher;

import java.util.List;
import java.util.Map;

/**
 * The watchers of one audit pass, as the auditor sees them: {@link Watchers#open} starts them,
 * the auditor shows them each target and ends them. Never throws and never waits longer than
 * the configured bounds; once the watchers fail (their child exits, hangs, answers nonsense) the
 * session does nothing for the rest of the pass.
 */
public interface WatcherSession extends AutoCloseable {

    /** A session without watchers. */
    WatcherSession NONE = new WatcherSession() {
        @Override
        public List<String> see(AuditTarget target) {
            return List.of();
        }

        @Override
        public Map<String, Map<String, Object>> end() {
            return Map.of();
        }

        @Override
        public void close() {
        }
    };

    /** Shows the watchers a target; the names of those that ask to quarantine it. */
    List<String> see(AuditTarget target);

    /** Ends the pass for the watchers; their reports by watcher name (empty if they failed). */
    Map<String, Map<String, Object>> end();

    /** Lets the watchers go: their child is killed after the exit delay, at once if the pass failed. */
    @Override
    void close();
}
