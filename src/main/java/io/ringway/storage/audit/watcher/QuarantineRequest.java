package io.ringway.storage.audit.watcher;

/**
 * Thrown by {@link AuditWatcher#seeTarget} to ask the auditor to quarantine the object it was
 * shown, as Swift's watchers raise {@code QuarantineRequest}. The auditor moves the object's hash
 * directory to {@code quarantined/objects[-N]/} and counts it among its quarantines.
 */
public final class QuarantineRequest extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public QuarantineRequest(String reason) {
        super(reason, null, false, false);
    }
}
