package io.ringway.storage.audit.watcher;

/** Lets tests of other packages fill {@link SeenTargets} as a pass would. */
public final class SeenTargetsAccess {

    private SeenTargetsAccess() {
    }

    public static SeenTargets of(AuditTarget... targets) {
        SeenTargets seen = new SeenTargets();
        for (AuditTarget target : targets) {
            seen.add(target);
        }
        return seen;
    }
}
