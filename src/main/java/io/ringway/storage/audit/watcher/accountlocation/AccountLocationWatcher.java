package io.ringway.storage.audit.watcher.accountlocation;

import io.ringway.storage.audit.watcher.AuditTarget;
import io.ringway.storage.audit.watcher.AuditType;
import io.ringway.storage.audit.watcher.AuditWatcher;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Records, in an account audit pass, the accounts whose databases are on this node and the
 * devices each lives on, and reports {@code {"<account>": ["d1", "d2"]}} at the end; the node
 * ({@link AccountLocations}) serves that under recon and as a gauge. Other passes are ignored.
 */
final class AccountLocationWatcher implements AuditWatcher {

    private final Map<String, Set<String>> devicesByAccount = new TreeMap<>();
    private boolean active;

    @Override
    public void start(AuditType type) {
        active = type == AuditType.ACCOUNT;
        devicesByAccount.clear();
    }

    @Override
    public void seeTarget(AuditTarget target) {
        if (active && target.kind() == AuditTarget.Kind.ACCOUNT && target.name().length() > 1) {
            devicesByAccount.computeIfAbsent(target.name().substring(1), account -> new TreeSet<>())
                    .add(target.device());
        }
    }

    @Override
    public void end() {
    }

    @Override
    public Map<String, Object> report() {
        Map<String, Object> report = new TreeMap<>();
        devicesByAccount.forEach((account, devices) -> report.put(account, devices.stream().toList()));
        return report;
    }
}
