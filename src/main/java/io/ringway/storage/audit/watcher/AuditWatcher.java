package io.ringway.storage.audit.watcher;

import java.util.Map;

/**
 * Operator code told about everything an auditor checks: Swift's object audit watchers
 * ({@code swift.object_audit_watcher} entry points), here for the container and account auditors
 * too. A watcher is made by its {@link AuditWatcherFactory} for each pass, in a child JVM that
 * the auditor feeds (see {@code WatcherProcess}): whatever it does (throw, hang, exhaust its
 * memory, exit the JVM) cannot stop the auditor or slow it beyond the configured bounds, and it
 * never touches the node's files itself: it asks for a quarantine by throwing
 * {@link QuarantineRequest}, and the auditor decides.
 *
 * <p>Calls come from one thread, in order: {@link #start}, {@link #seeTarget} for each target
 * (objects of the pass's policy directories, or databases), {@link #end}, then {@link #report}.
 * A watcher whose {@code start} throws is not called again in that pass, as Swift's
 * {@code WatcherWrapper} does; one whose {@code seeTarget} throws goes on seeing the next targets.
 * What it logs through SLF4J, or prints, goes to the auditor's log with a {@code watcher}
 * prefix; its standard output is not its own (the auditor and the child talk over it).
 */
public interface AuditWatcher {

    /** A pass begins; each pass has a new watcher, so the type never changes afterwards. */
    void start(AuditType type);

    /**
     * The auditor has checked {@code target} and found it sound.
     *
     * @throws QuarantineRequest to have the auditor quarantine this object (not honoured for
     *     databases)
     */
    void seeTarget(AuditTarget target);

    /** The pass is over. */
    void end();

    /**
     * What the watcher hands the node once the pass is over, sent back as JSON (strings, numbers,
     * booleans, lists and maps): the node passes it to the handler registered for this watcher's
     * name, if any ({@code account_location}'s is built in). Empty by default.
     */
    default Map<String, Object> report() {
        return Map.of();
    }
}
