package io.ringway.storage.audit.watcher.accountlocation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ringway.storage.audit.watcher.AuditTarget;
import io.ringway.storage.audit.watcher.AuditType;
import io.ringway.storage.audit.watcher.SeenTargets;
import io.ringway.storage.audit.watcher.SeenTargetsAccess;
import io.ringway.storage.recon.ReconCache;
import io.ringway.storage.recon.ReconFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node's side of account_location: only what the auditor showed is believed; recon and gauges follow each pass. */
class AccountLocationsTests {

    @TempDir
    Path dir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void keepsOnlyAccountsAndDevicesTheAuditorShowedAndReplacesThePreviousPass() {
        ReconCache recon = new ReconCache(dir);
        AccountLocations locations = new AccountLocations(recon, registry);
        SeenTargets seen = SeenTargetsAccess.of(account("AUTH_a", "d1"), account("AUTH_a", "d2"),
                account("AUTH_b", "d2"));

        locations.handle(AuditType.ACCOUNT, Map.of("AUTH_a", List.of("d2", "d1", "d9"), "AUTH_b", List.of("d2"),
                "AUTH_forged", List.of("d1")), seen);

        assertThat(recon.read(ReconFile.ACCOUNT, List.of("account_location")).get("account_location"))
                .isEqualTo(Map.of("AUTH_a", List.of("d1", "d2"), "AUTH_b", List.of("d2")));
        assertThat(gauge("d1")).isEqualTo(1.0);
        assertThat(gauge("d2")).isEqualTo(2.0);
        assertThat(registry.find(AccountLocations.METRIC).tag("device", "d9").gauge()).isNull();

        locations.handle(AuditType.ACCOUNT, Map.of("AUTH_b", List.of("d2")), SeenTargetsAccess.of(account("AUTH_b", "d2")));

        assertThat(recon.read(ReconFile.ACCOUNT, List.of("account_location")).get("account_location"))
                .isEqualTo(Map.of("AUTH_b", List.of("d2")));
        assertThat(gauge("d1")).isZero();
        assertThat(gauge("d2")).isEqualTo(1.0);
    }

    @Test
    void reportsOfOtherPassesAreIgnored() {
        ReconCache recon = new ReconCache(dir);
        new AccountLocations(recon, registry).handle(AuditType.ALL, Map.of("AUTH_a", List.of("d1")),
                SeenTargetsAccess.of(account("AUTH_a", "d1")));
        assertThat(recon.read(ReconFile.ACCOUNT, List.of("account_location")).get("account_location")).isNull();
    }

    private double gauge(String device) {
        return registry.get(AccountLocations.METRIC).tag("device", device).gauge().value();
    }

    private static AuditTarget account(String account, String device) {
        return new AuditTarget(AuditTarget.Kind.ACCOUNT, "/" + account, device, "1", 0, "/x.db", Map.of());
    }
}
