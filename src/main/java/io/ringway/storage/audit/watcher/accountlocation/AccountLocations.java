package io.ringway.storage.audit.watcher.accountlocation;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.ringway.storage.audit.watcher.AuditType;
import io.ringway.storage.audit.watcher.SeenTargets;
import io.ringway.storage.audit.watcher.WatcherReportHandler;
import io.ringway.storage.recon.ReconCache;
import io.ringway.storage.recon.ReconFile;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's side of {@code account_location}: takes the watcher's report at the end of an account
 * pass, keeps only the accounts and devices the auditor itself showed it (the report comes from a
 * child running operator-loaded code), writes them to the recon cache as {@code account_location}
 * in {@code account.recon} (served at {@code /recon/account_location}), replacing the previous
 * pass's, and sets the gauge {@code ringway.audit.account.locations} (tag {@code device}: the
 * number of accounts on each device).
 */
public final class AccountLocations implements WatcherReportHandler {

    public static final String RECON_KEY = "account_location";
    public static final String METRIC = "ringway.audit.account.locations";
    private static final Logger log = LoggerFactory.getLogger(AccountLocations.class);

    private final ReconCache recon;
    private final @Nullable MeterRegistry registry;
    private final Map<String, AtomicLong> accountsByDevice = new ConcurrentHashMap<>();

    public AccountLocations(ReconCache recon, @Nullable MeterRegistry registry) {
        this.recon = requireNonNull(recon, "recon");
        this.registry = registry;
    }

    @Override
    public String watcherName() {
        return AccountLocationWatcherFactory.NAME;
    }

    @Override
    public void handle(AuditType type, Map<String, Object> report, SeenTargets seen) {
        if (type != AuditType.ACCOUNT) {
            return;
        }
        Map<String, List<String>> locations = new TreeMap<>();
        int rejected = 0;
        for (Map.Entry<String, Object> entry : report.entrySet()) {
            List<String> devices = entry.getValue() instanceof List<?> list
                    ? list.stream().map(String::valueOf).filter(device -> seen.contains("/" + entry.getKey(), device))
                            .distinct().sorted().toList()
                    : List.of();
            if (devices.isEmpty()) {
                rejected++;
            } else {
                locations.put(entry.getKey(), devices);
            }
        }
        if (rejected > 0) {
            log.warn("account_location reported {} accounts the auditor did not show it: ignored", rejected);
        }
        recon.dump(ReconFile.ACCOUNT, Map.of(RECON_KEY, Map.of()));
        if (!locations.isEmpty()) {
            recon.dump(ReconFile.ACCOUNT, Map.of(RECON_KEY, locations));
        }
        updateGauges(locations);
    }

    private void updateGauges(Map<String, List<String>> locations) {
        Map<String, Long> counts = new TreeMap<>();
        locations.values().forEach(devices -> devices.forEach(device -> counts.merge(device, 1L, Long::sum)));
        accountsByDevice.forEach((device, count) -> count.set(counts.getOrDefault(device, 0L)));
        counts.forEach((device, count) -> accountsByDevice.computeIfAbsent(device, this::register).set(count));
    }

    private AtomicLong register(String device) {
        AtomicLong count = new AtomicLong();
        if (registry != null) {
            Gauge.builder(METRIC, count, AtomicLong::get)
                    .description("Accounts whose database is on the device, as the last account audit pass found")
                    .tag("device", device)
                    .register(registry);
        }
        return count;
    }
}
