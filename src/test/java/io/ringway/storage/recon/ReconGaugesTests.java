package io.ringway.storage.recon;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ringway.storage.node.DeviceRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recon's values as gauges: what a reading found, until the next reading. */
class ReconGaugesTests {

    @TempDir
    Path dir;

    @Test
    void gaugesShowTheLastReadingOfRecon() throws Exception {
        Path devices = Files.createDirectories(dir.resolve("node"));
        Files.createDirectories(devices.resolve("d1/quarantined/objects/h1"));
        Files.createDirectories(devices.resolve("d2"));
        ReconCache cache = new ReconCache(dir.resolve("recon"));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ReconGauges gauges = new ReconGauges(new DeviceRoot(devices, false), cache, meters, Duration.ofHours(1));

        // nothing read yet: no sample rather than a made-up zero
        assertThat(meters.get("ringway.node.async.pending").gauge().value()).isNaN();

        cache.dump(ReconFile.OBJECT, Map.of("async_pending", 4, "object_updater_sweep", 1.5,
                "object_auditor_stats_ALL", Map.of("passes", 10, "quarantined", 1, "errors", 0)));
        cache.dump(ReconFile.CONTAINER, Map.of("container_audits_failed", 2));
        gauges.refresh();

        assertThat(meters.get("ringway.node.async.pending").gauge().value()).isEqualTo(4);
        assertThat(meters.get("ringway.node.updater.sweep").tag("updater", "object").gauge().value()).isEqualTo(1.5);
        assertThat(meters.get("ringway.node.updater.sweep").tag("updater", "container").gauge().value()).isNaN();
        assertThat(meters.get("ringway.node.auditor.objects").tags("auditor", "ALL", "result", "passes").gauge().value())
                .isEqualTo(10);
        assertThat(meters.get("ringway.node.auditor.databases").tags("type", "container", "result", "failed")
                .gauge().value()).isEqualTo(2);
        assertThat(meters.get("ringway.node.quarantined").tag("type", "objects").gauge().value()).isEqualTo(1);
        assertThat(meters.get("ringway.node.devices.unmounted").gauge().value()).isZero();
        assertThat(meters.get("ringway.node.disk.size").tag("device", "d1").gauge().value()).isPositive();
        assertThat(meters.get("ringway.node.disk.avail").tag("device", "d2").gauge().value()).isPositive();
    }

    @Test
    void anObjectAuditorRunPerDeviceIsSummed() throws Exception {
        Path devices = Files.createDirectories(dir.resolve("node"));
        ReconCache cache = new ReconCache(dir.resolve("recon"));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ReconGauges gauges = new ReconGauges(new DeviceRoot(devices, false), cache, meters, Duration.ofHours(1));
        // Swift nests the stats under the devices a parallel auditor process covered
        cache.dump(ReconFile.OBJECT, Map.of("object_auditor_stats_ZBF", Map.of(
                "d1", Map.of("passes", 3, "quarantined", 1), "d2", Map.of("passes", 4, "quarantined", 0))));
        gauges.refresh();

        assertThat(meters.get("ringway.node.auditor.objects").tags("auditor", "ZBF", "result", "passes").gauge().value())
                .isEqualTo(7);
        assertThat(meters.get("ringway.node.auditor.objects").tags("auditor", "ZBF", "result", "quarantined")
                .gauge().value()).isEqualTo(1);
    }
}
