package io.ringway.storage.audit;

import static java.util.Objects.requireNonNull;

import io.ringway.storage.account.AccountAudits;
import io.ringway.storage.audit.watcher.AuditTarget;
import io.ringway.storage.audit.watcher.AuditType;
import io.ringway.storage.audit.watcher.Watchers;
import io.ringway.storage.container.ContainerAudits;
import io.ringway.storage.db.DatabaseFiles;
import io.ringway.storage.db.DatabaseInfo;
import io.ringway.storage.db.SqlCall;
import io.ringway.storage.db.Sqlite;
import io.ringway.storage.node.DeviceRoot;
import io.ringway.storage.node.ServerType;
import io.ringway.storage.recon.ReconCache;
import io.ringway.storage.recon.ReconFile;
import io.ringway.storage.recon.ReconPasses;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Swift's container and account auditors ({@code swift/common/db_auditor.py}), blocking, one pass
 * at a time on the caller's thread: each database on each usable device is opened and its
 * {@code get_info()} read (an account's totals must also be the sums of its per-policy totals);
 * deleted databases are skipped. One that SQLite calls damaged (Swift's
 * {@code possibly_quarantine}: "database disk image is malformed", "malformed database schema",
 * "is not a database", "disk I/O error") is quarantined; every failure is counted. Sound ones
 * are shown to the watchers. At most {@code perSecond} databases a second (Swift's
 * {@code containers_per_second}/{@code accounts_per_second}, 200). The pass's counts go to the
 * recon cache under Swift's keys ({@code container_audits_passed}, {@code ..._failed},
 * {@code ..._since}, {@code container_auditor_pass_completed}).
 */
public final class DatabaseAuditor {

    private static final Logger log = LoggerFactory.getLogger(DatabaseAuditor.class);
    private static final List<String> DAMAGED = List.of("database disk image is malformed",
            "malformed database schema", " is not a database", "disk I/O error");

    private final DeviceRoot devices;
    private final ServerType type;
    private final double perSecond;
    private final Watchers watchers;
    private final ReconCache recon;
    private final Pacer pacer;

    public DatabaseAuditor(DeviceRoot devices, ServerType type, double perSecond, Watchers watchers, ReconCache recon) {
        this(devices, type, perSecond, watchers, recon, Pacer.SYSTEM);
    }

    DatabaseAuditor(DeviceRoot devices, ServerType type, double perSecond, Watchers watchers, ReconCache recon,
            Pacer pacer) {
        this.devices = requireNonNull(devices, "devices");
        if (type == ServerType.OBJECT) {
            throw new IllegalArgumentException("type: OBJECT (expected: ACCOUNT or CONTAINER)");
        }
        this.type = type;
        this.perSecond = perSecond;
        this.watchers = requireNonNull(watchers, "watchers");
        this.recon = requireNonNull(recon, "recon");
        this.pacer = requireNonNull(pacer, "pacer");
    }

    public DatabaseAuditStats pass() throws IOException, InterruptedException {
        String name = type.swiftName();
        log.info("Begin {} audit pass.", name);
        double start = ReconPasses.now();
        long begin = System.nanoTime();
        RateLimiter rate = new RateLimiter(perSecond, pacer);
        Counts counts = new Counts();
        AuditType auditType = type == ServerType.ACCOUNT ? AuditType.ACCOUNT : AuditType.CONTAINER;
        try (Watchers.Pass watching = watchers.open(auditType)) {
            for (Path db : DatabaseFiles.list(devices, type)) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("audit pass stopped");
                }
                audit(db, watching, counts);
                rate.acquire(1);
            }
            watching.end();
        }
        DatabaseAuditStats stats = new DatabaseAuditStats(counts.passed, counts.failed, counts.quarantined, start,
                (System.nanoTime() - begin) / 1e9);
        recon.dump(reconFile(), stats.recon(name));
        log.info("{} audit pass completed: {}s, {} passed audit, {} failed audit",
                name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1),
                String.format("%.2f", stats.elapsed()), stats.passed(), stats.failed());
        return stats;
    }

    private void audit(Path db, Watchers.Pass watching, Counts counts) {
        DatabaseInfo info;
        try {
            info = Sqlite.callExisting(db, infoReader());
        } catch (SQLException | RuntimeException e) {
            counts.failed++;
            String hint = damage(e);
            if (hint == null) {
                log.error("ERROR Could not get {} info {}", type.swiftName(), db, e);
                return;
            }
            quarantine(db, hint, e, counts);
            return;
        }
        if (info == null || info.deleted()) {
            return;
        }
        if (info.inconsistency() != null) {
            counts.failed++;
            log.error("Audit Failed for {}: {}", db, info.inconsistency());
            return;
        }
        counts.passed++;
        Path relative = devices.root().relativize(db);
        // <device>/<accounts|containers>/<partition>/<suffix>/<hash>/<hash>.db
        AuditTarget target = new AuditTarget(type == ServerType.ACCOUNT ? AuditTarget.Kind.ACCOUNT
                : AuditTarget.Kind.CONTAINER, info.name(), relative.getName(0).toString(),
                relative.getName(2).toString(), policyIndex(info), db.toString(), info.fields());
        List<String> requests = watching.see(target);
        if (!requests.isEmpty()) {
            log.warn("Audit watchers {} asked to quarantine {} {}: only objects are quarantined on request",
                    requests, type.swiftName(), db);
        }
    }

    private void quarantine(Path db, String hint, Exception cause, Counts counts) {
        Path device = devices.root().resolve(devices.root().relativize(db).getName(0));
        try {
            Path to = Quarantine.database(device, type, db);
            counts.quarantined++;
            log.error("Quarantined {} to {} due to {} database: {}", db, to, hint, cause.getMessage());
        } catch (IOException e) {
            log.error("ERROR could not quarantine {} ({}): {}", db, hint, e.toString());
        }
    }

    private SqlCall<DatabaseInfo> infoReader() {
        return type == ServerType.ACCOUNT ? AccountAudits::info : ContainerAudits::info;
    }

    private ReconFile reconFile() {
        return type == ServerType.ACCOUNT ? ReconFile.ACCOUNT : ReconFile.CONTAINER;
    }

    private static int policyIndex(DatabaseInfo info) {
        String index = info.fields().get("storage_policy_index");
        return index == null ? 0 : Integer.parseInt(index);
    }

    /** Swift's {@code possibly_quarantine}: the kind of damage an error shows, or {@code null}. */
    static @Nullable String damage(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            String message = String.valueOf(e.getMessage());
            for (String sign : DAMAGED) {
                if (message.contains(sign)) {
                    return sign.contains("malformed") ? "malformed" : sign.contains("I/O") ? "disk error" : "corrupted";
                }
            }
        }
        return null;
    }

    private static final class Counts {
        long passed;
        long failed;
        long quarantined;
    }
}
