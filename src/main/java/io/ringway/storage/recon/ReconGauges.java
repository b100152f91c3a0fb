package io.ringway.storage.recon;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.ringway.storage.node.DeviceRoot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Recon's values as Prometheus gauges, so that a scrape shows what {@code swift-recon} shows:
 * each device's size, use and free space, unmounted devices, quarantined entries, pending async
 * updates, the updaters' last sweep and the auditors' last report. Recon reads files, so the
 * values are read every {@code interval} on Reactor's {@code boundedElastic} threads and the
 * gauges return the last reading: a scrape, served on an event loop, never blocks. Tags come
 * from bounded sets: the node's devices and fixed names.
 */
public final class ReconGauges implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReconGauges.class);
    private static final List<String> AUDITOR_RESULTS = List.of("passes", "quarantined", "errors");

    private final DeviceRecon devices;
    private final ReconCache cache;
    private final Duration interval;
    private final AtomicReference<Reading> last = new AtomicReference<>(Reading.EMPTY);
    private final MultiGauge diskSize;
    private final MultiGauge diskUsed;
    private final MultiGauge diskAvail;
    private @Nullable Disposable refreshing;

    public ReconGauges(DeviceRoot root, ReconCache cache, MeterRegistry meters, Duration interval) {
        this.devices = new DeviceRecon(requireNonNull(root, "root"), Path.of("/proc"));
        this.cache = requireNonNull(cache, "cache");
        this.interval = requireNonNull(interval, "interval");
        this.diskSize = MultiGauge.builder("ringway.node.disk.size").baseUnit("bytes")
                .description("Size of each device's file system (recon diskusage)").register(meters);
        this.diskUsed = MultiGauge.builder("ringway.node.disk.used").baseUnit("bytes")
                .description("Bytes used on each device's file system (recon diskusage)").register(meters);
        this.diskAvail = MultiGauge.builder("ringway.node.disk.avail").baseUnit("bytes")
                .description("Bytes available on each device's file system (recon diskusage)").register(meters);
        Gauge.builder("ringway.node.devices.unmounted", last, reading -> reading.get().unmounted())
                .description("Devices the node does not use: missing or, with mount checks, not mounted (recon unmounted)")
                .register(meters);
        for (String kind : List.of("objects", "containers", "accounts")) {
            Gauge.builder("ringway.node.quarantined", last, reading -> reading.get().number("quarantined", kind))
                    .description("Entries in the devices' quarantined directories (recon quarantined)")
                    .tag("type", kind)
                    .register(meters);
        }
        Gauge.builder("ringway.node.async.pending", last, reading -> reading.get().number(ReconFile.OBJECT.name(), "async_pending"))
                .description("Container updates left pending after the object updater's last pass (recon async)")
                .register(meters);
        for (String updater : List.of("object", "container")) {
            ReconFile file = updater.equals("object") ? ReconFile.OBJECT : ReconFile.CONTAINER;
            Gauge.builder("ringway.node.updater.sweep", last,
                            reading -> reading.get().number(file.name(), updater + "_updater_sweep"))
                    .description("Duration of the updater's last pass (recon updater)")
                    .baseUnit("seconds")
                    .tag("updater", updater)
                    .register(meters);
        }
        for (String auditor : List.of("ALL", "ZBF")) {
            for (String result : AUDITOR_RESULTS) {
                Gauge.builder("ringway.node.auditor.objects", last,
                                reading -> reading.get().objectAuditor(auditor, result))
                        .description("Objects in the object auditor's last report period, by result (recon auditor/object)")
                        .tags("auditor", auditor, "result", result)
                        .register(meters);
            }
        }
        for (String type : List.of("account", "container")) {
            ReconFile file = type.equals("account") ? ReconFile.ACCOUNT : ReconFile.CONTAINER;
            for (String result : List.of("passed", "failed")) {
                Gauge.builder("ringway.node.auditor.databases", last,
                                reading -> reading.get().number(file.name(), type + "_audits_" + result))
                        .description("Databases in the auditor's last pass, by result (recon auditor/" + type + ")")
                        .tags("type", type, "result", result)
                        .register(meters);
            }
        }
    }

    @Override
    public synchronized void start() {
        refreshing = Flux.interval(Duration.ZERO, interval, Schedulers.boundedElastic())
                .onBackpressureDrop()
                .subscribe(tick -> refresh());
    }

    @Override
    public synchronized void stop() {
        if (refreshing != null) {
            refreshing.dispose();
            refreshing = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return refreshing != null;
    }

    /** Reads recon once (blocking). */
    void refresh() {
        try {
            List<MultiGauge.Row<?>> size = new ArrayList<>();
            List<MultiGauge.Row<?>> used = new ArrayList<>();
            List<MultiGauge.Row<?>> avail = new ArrayList<>();
            for (Map<String, Object> device : devices.diskUsage()) {
                if (Boolean.TRUE.equals(device.get("mounted"))) {
                    Tags tags = Tags.of("device", String.valueOf(device.get("device")));
                    size.add(MultiGauge.Row.of(tags, (Number) device.get("size")));
                    used.add(MultiGauge.Row.of(tags, (Number) device.get("used")));
                    avail.add(MultiGauge.Row.of(tags, (Number) device.get("avail")));
                }
            }
            diskSize.register(size, true);
            diskUsed.register(used, true);
            diskAvail.register(avail, true);
            last.set(new Reading(devices.unmounted().size(), Map.of(
                    "quarantined", devices.quarantined(),
                    ReconFile.OBJECT.name(), cache.readAll(ReconFile.OBJECT),
                    ReconFile.CONTAINER.name(), cache.readAll(ReconFile.CONTAINER),
                    ReconFile.ACCOUNT.name(), cache.readAll(ReconFile.ACCOUNT))));
        } catch (Exception e) {
            log.warn("Could not read recon for the gauges: {}", e.toString());
        }
    }

    /** One reading of recon: what the gauges show until the next. */
    private record Reading(int unmounted, Map<String, Map<String, Object>> sections) {

        static final Reading EMPTY = new Reading(0, Map.of());

        /** A number of a section, NaN (no sample) when nothing wrote it yet. */
        double number(String section, String key) {
            Object value = sections.getOrDefault(section, Map.of()).get(key);
            return value instanceof Number number ? number.doubleValue() : Double.NaN;
        }

        /**
         * The object auditor's last report, summed over its per-device entries when it runs one
         * process per device (Swift nests the stats under the devices' names then).
         */
        double objectAuditor(String auditor, String result) {
            Object stats = sections.getOrDefault(ReconFile.OBJECT.name(), Map.of()).get("object_auditor_stats_" + auditor);
            if (!(stats instanceof Map<?, ?> map)) {
                return Double.NaN;
            }
            if (map.get(result) instanceof Number number) {
                return number.doubleValue();
            }
            double sum = 0;
            boolean found = false;
            for (Object nested : map.values()) {
                if (nested instanceof Map<?, ?> perDevice && perDevice.get(result) instanceof Number number) {
                    sum += number.doubleValue();
                    found = true;
                }
            }
            return found ? sum : Double.NaN;
        }
    }
}
