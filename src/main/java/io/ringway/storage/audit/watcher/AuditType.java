package io.ringway.storage.audit.watcher;

/**
 * The kinds of audit pass a watcher is started for. The object auditor's two passes keep Swift's
 * names: {@code ALL} reads every body, {@code ZBF} (zero-byte files) only checks that each data
 * file holds what its metadata says, without reading bodies.
 */
public enum AuditType {
    /** The object auditor's full pass: every body is read and its MD5 checked. */
    ALL(AuditTarget.Kind.OBJECT),
    /** The object auditor's quick pass: sizes only. */
    ZBF(AuditTarget.Kind.OBJECT),
    /** The container auditor's pass over container databases. */
    CONTAINER(AuditTarget.Kind.CONTAINER),
    /** The account auditor's pass over account databases. */
    ACCOUNT(AuditTarget.Kind.ACCOUNT);

    private final AuditTarget.Kind kind;

    AuditType(AuditTarget.Kind kind) {
        this.kind = kind;
    }

    /** What the pass audits. */
    public AuditTarget.Kind kind() {
        return kind;
    }
}
