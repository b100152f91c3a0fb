package io.ringway.storage.audit.watcher;

import java.util.Map;

/**
 * What the node does with the report of one watcher (by name) once a pass is over, in the
 * auditor's JVM: {@code account_location}'s recorder is one. A report comes from operator code:
 * the handler checks it against what the auditor itself saw ({@link SeenTargets}) before it
 * trusts any of it.
 */
public interface WatcherReportHandler {

    /** The watcher whose reports this handles. */
    String watcherName();

    /**
     * @param type the pass that ended
     * @param report what the watcher's {@link AuditWatcher#report()} returned, through JSON
     * @param seen the accounts the auditor showed the watchers in that pass
     */
    void handle(AuditType type, Map<String, Object> report, SeenTargets seen);
}
