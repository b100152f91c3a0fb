package io.ringway.storage.audit;

import static java.util.Objects.requireNonNull;

import io.ringway.storage.audit.watcher.AuditTarget;
import io.ringway.storage.audit.watcher.AuditType;
import io.ringway.storage.audit.watcher.Watchers;
import io.ringway.storage.node.DeviceRoot;
import io.ringway.storage.object.StoredObject;
import io.ringway.storage.object.StoredObjects;
import io.ringway.storage.recon.ReconCache;
import io.ringway.storage.recon.ReconFile;
import io.ringway.storage.recon.ReconPasses;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Swift's object auditor ({@code swift/obj/auditor.py}), blocking, for one pass at a time on the
 * caller's thread (a thread of its own, never an event loop). Every hash directory of every
 * policy on every usable device is opened: a data file that cannot be read as ours (truncated,
 * no trailer, a {@code Content-Length} that is not its body's) is quarantined in both passes; the
 * {@link AuditType#ALL} pass also reads each body, at most {@code bytesPerSecond}, and
 * quarantines it when its MD5 is not the {@code ETag} written with it. Files go at most
 * {@code filesPerSecond} (the {@link AuditType#ZBF} pass's own rate). Each sound object is then
 * shown to the watchers, which may ask for its quarantine. Expired objects ({@code X-Delete-At}
 * passed) are skipped, as Swift skips them. The stats go to {@code object_auditor_stats_ALL|ZBF}
 * in the recon cache: cleared when a pass starts, as Swift's {@code audit_loop} does, written
 * every hour of a long pass (Swift's {@code log_time}) and when it ends.
 */
public final class ObjectAuditor {

    private static final Logger log = LoggerFactory.getLogger(ObjectAuditor.class);
    /** Swift's {@code disk_chunk_size}. */
    private static final int CHUNK = 64 * 1024;
    /** Swift's {@code log_time}: how often a long pass writes its stats so far. */
    private static final Duration REPORT_INTERVAL = Duration.ofHours(1);

    private final DeviceRoot devices;
    private final ObjectAuditRates rates;
    private final Watchers watchers;
    private final ReconCache recon;
    private final Pacer pacer;
    private final Clock clock;
    private final Duration reportInterval;

    public ObjectAuditor(DeviceRoot devices, ObjectAuditRates rates, Watchers watchers, ReconCache recon) {
        this(devices, rates, watchers, recon, Pacer.SYSTEM, Clock.systemUTC(), REPORT_INTERVAL);
    }

    ObjectAuditor(DeviceRoot devices, ObjectAuditRates rates, Watchers watchers, ReconCache recon, Pacer pacer) {
        this(devices, rates, watchers, recon, pacer, Clock.systemUTC(), REPORT_INTERVAL);
    }

    /**
     * @param clock decides which objects have expired ({@code X-Delete-At})
     * @param reportInterval how often a pass writes its stats so far to recon (time as {@code pacer} keeps it)
     */
    ObjectAuditor(DeviceRoot devices, ObjectAuditRates rates, Watchers watchers, ReconCache recon, Pacer pacer,
            Clock clock, Duration reportInterval) {
        this.devices = requireNonNull(devices, "devices");
        this.rates = requireNonNull(rates, "rates");
        this.watchers = requireNonNull(watchers, "watchers");
        this.recon = requireNonNull(recon, "recon");
        this.pacer = requireNonNull(pacer, "pacer");
        this.clock = requireNonNull(clock, "clock");
        this.reportInterval = requireNonNull(reportInterval, "reportInterval");
    }

    /** One pass of {@code type} ({@link AuditType#ALL} or {@link AuditType#ZBF}). */
    public ObjectAuditStats pass(AuditType type) throws IOException, InterruptedException {
        if (type.kind() != AuditTarget.Kind.OBJECT) {
            throw new IllegalArgumentException("type: " + type + " (expected: ALL or ZBF)");
        }
        String key = "object_auditor_stats_" + type.name();
        recon.dump(ReconFile.OBJECT, Map.of(key, Map.of()));
        log.info("Begin object audit \"forever\" mode ({})", type);
        Pass pass = new Pass(type);
        try (Watchers.Pass watching = watchers.open(type)) {
            pass.run(watching, stats -> recon.dump(ReconFile.OBJECT, Map.of(key, stats.recon())));
            watching.end();
        }
        ObjectAuditStats stats = pass.stats();
        recon.dump(ReconFile.OBJECT, Map.of(key, stats.recon()));
        log.info("Object audit ({}) \"forever\" mode completed: {}s. Total quarantined: {}, Total errors: {}, bytes: {}",
                type, String.format("%.2f", ReconPasses.now() - stats.startTime()), stats.quarantined(), stats.errors(),
                stats.bytesProcessed());
        return stats;
    }

    /** The state of one pass. */
    private final class Pass {

        private final AuditType type;
        private final double startTime = ReconPasses.now();
        private final RateLimiter files;
        private final RateLimiter bytes;
        private long passes;
        private long quarantined;
        private long errors;
        private long bytesProcessed;
        private long auditNanos;
        private long byteWaitNanos;

        Pass(AuditType type) {
            this.type = type;
            this.files = new RateLimiter(type == AuditType.ZBF ? rates.zeroByteFilesPerSecond() : rates.filesPerSecond(),
                    pacer);
            this.bytes = new RateLimiter(rates.bytesPerSecond(), pacer);
        }

        /** Audits every location, handing {@code report} the stats so far every report interval. */
        void run(Watchers.Pass watching, Consumer<ObjectAuditStats> report) throws IOException, InterruptedException {
            long[] lastReport = {pacer.nanoTime()};
            ObjectLocations.forEach(devices, location -> {
                long begin = pacer.nanoTime();
                long waitedBefore = byteWaitNanos;
                audit(location, watching);
                auditNanos += pacer.nanoTime() - begin - (byteWaitNanos - waitedBefore);
                files.acquire(1);
                if (pacer.nanoTime() - lastReport[0] >= reportInterval.toNanos()) {
                    report.accept(stats());
                    lastReport[0] = pacer.nanoTime();
                }
            });
        }

        /** Audits one hash directory: Swift's {@code failsafe_object_audit}. */
        private void audit(ObjectLocations.Location location, Watchers.Pass watching) throws InterruptedException {
            try {
                StoredObject found = StoredObjects.inspect(location.hashDir());
                if (found instanceof StoredObject.Damaged damaged) {
                    quarantine(location, damaged.file(), damaged.reason());
                } else if (found instanceof StoredObject.Intact intact && !isExpired(intact)) {
                    String problem = type == AuditType.ALL ? checkBody(intact) : null;
                    if (problem != null) {
                        quarantine(location, intact.dataFile(), problem);
                    } else {
                        askWatchers(location, intact, watching);
                    }
                }
                passes++;
            } catch (IOException | RuntimeException e) {
                errors++;
                log.error("ERROR Trying to audit {}", location.hashDir(), e);
            }
        }

        /** Why the body is not what its metadata says, or {@code null}. */
        private @Nullable String checkBody(StoredObject.Intact intact) throws IOException, InterruptedException {
            MessageDigest md5 = md5();
            ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
            long read = 0;
            try (FileChannel channel = FileChannel.open(intact.dataFile(), StandardOpenOption.READ)) {
                while (read < intact.bodyLength()) {
                    buffer.clear().limit((int) Math.min(CHUNK, intact.bodyLength() - read));
                    int n = channel.read(buffer, read);
                    if (n < 0) {
                        break;
                    }
                    long before = pacer.nanoTime();
                    bytes.acquire(n);
                    byteWaitNanos += pacer.nanoTime() - before;
                    md5.update(buffer.flip());
                    read += n;
                    bytesProcessed += n;
                }
            }
            if (read != intact.bodyLength()) {
                return "Bytes read: " + read + ", does not match metadata: " + intact.bodyLength();
            }
            String etag = HexFormat.of().formatHex(md5.digest());
            String stored = intact.dataMetadata().getOrDefault("ETag", "");
            return etag.equals(stored) ? null : "ETag " + stored + " and file's md5 " + etag + " do not match";
        }

        private void askWatchers(ObjectLocations.Location location, StoredObject.Intact intact, Watchers.Pass watching)
                throws IOException {
            Map<String, String> metadata = intact.metadata();
            AuditTarget target = new AuditTarget(AuditTarget.Kind.OBJECT, metadata.getOrDefault("name", ""),
                    location.device(), location.partition(), location.policyIndex(), intact.dataFile().toString(),
                    metadata);
            List<String> requests = watching.see(target);
            if (!requests.isEmpty()) {
                quarantine(location, intact.dataFile(), "Requested by " + String.join(", ", requests));
            }
        }

        /**
         * Quarantines the hash directory, unless {@code file}, the one found wrong, has gone
         * meanwhile: a newer PUT or DELETE replaced it, and the next pass audits what came instead.
         */
        private void quarantine(ObjectLocations.Location location, Path file, String reason) throws IOException {
            if (!Files.exists(file)) {
                log.info("{} was replaced while audited; not quarantined ({})", file, reason);
                return;
            }
            Path to = Quarantine.object(location.devicePath(), location.objectsDirectory(), location.hashDir());
            quarantined++;
            log.error("ERROR Object {} failed audit and was quarantined to {}: {}", location.hashDir(), to, reason);
        }

        /** Swift's {@code DiskFileExpired}: an object past its {@code X-Delete-At} is not audited. */
        private boolean isExpired(StoredObject.Intact intact) {
            String deleteAt = intact.metadata().get("X-Delete-At");
            if (deleteAt == null) {
                return false;
            }
            try {
                return Long.parseLong(deleteAt.trim()) * 1000 <= clock.millis();
            } catch (NumberFormatException e) {
                return false;
            }
        }

        ObjectAuditStats stats() {
            return new ObjectAuditStats(passes, quarantined, errors, bytesProcessed, startTime, auditNanos / 1e9);
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }
}
