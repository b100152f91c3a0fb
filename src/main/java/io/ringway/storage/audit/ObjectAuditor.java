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
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
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
 * shown to the watchers, which may ask for its quarantine. The stats go to
 * {@code object_auditor_stats_ALL|ZBF} in the recon cache: cleared when a pass starts, as Swift's
 * {@code audit_loop} does, and written when it ends.
 */
public final class ObjectAuditor {

    private static final Logger log = LoggerFactory.getLogger(ObjectAuditor.class);
    /** Swift's {@code disk_chunk_size}. */
    private static final int CHUNK = 64 * 1024;

    private final DeviceRoot devices;
    private final ObjectAuditRates rates;
    private final Watchers watchers;
    private final ReconCache recon;
    private final Pacer pacer;

    public ObjectAuditor(DeviceRoot devices, ObjectAuditRates rates, Watchers watchers, ReconCache recon) {
        this(devices, rates, watchers, recon, Pacer.SYSTEM);
    }

    ObjectAuditor(DeviceRoot devices, ObjectAuditRates rates, Watchers watchers, ReconCache recon, Pacer pacer) {
        this.devices = requireNonNull(devices, "devices");
        this.rates = requireNonNull(rates, "rates");
        this.watchers = requireNonNull(watchers, "watchers");
        this.recon = requireNonNull(recon, "recon");
        this.pacer = requireNonNull(pacer, "pacer");
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
            pass.run(watching);
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

        void run(Watchers.Pass watching) throws IOException, InterruptedException {
            ObjectLocations.forEach(devices, location -> {
                long begin = pacer.nanoTime();
                long waitedBefore = byteWaitNanos;
                audit(location, watching);
                auditNanos += pacer.nanoTime() - begin - (byteWaitNanos - waitedBefore);
                files.acquire(1);
            });
        }

        /** Audits one hash directory: Swift's {@code failsafe_object_audit}. */
        private void audit(ObjectLocations.Location location, Watchers.Pass watching) throws InterruptedException {
            try {
                StoredObject found = StoredObjects.inspect(location.hashDir());
                if (found instanceof StoredObject.Damaged damaged) {
                    quarantine(location, damaged.reason());
                } else if (found instanceof StoredObject.Intact intact) {
                    String problem = type == AuditType.ALL ? checkBody(intact) : null;
                    if (problem != null) {
                        quarantine(location, problem);
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
            // Only the object just shown, and only if it is still the file the watchers saw.
            if (!requests.isEmpty() && Files.exists(intact.dataFile())) {
                quarantine(location, "Requested by " + String.join(", ", requests));
            }
        }

        private void quarantine(ObjectLocations.Location location, String reason) throws IOException {
            Path to = Quarantine.object(location.devicePath(), location.objectsDirectory(), location.hashDir());
            quarantined++;
            log.error("ERROR Object {} failed audit and was quarantined to {}: {}", location.hashDir(), to, reason);
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
