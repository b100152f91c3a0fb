package io.ringway.api.recon;

import static java.util.Objects.requireNonNull;

import io.ringway.policy.ReplicationPolicy;
import io.ringway.policy.StoragePolicies;
import io.ringway.policy.StoragePolicy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What Swift's recon middleware tells of a host and of the cluster's files, with its JSON keys:
 * {@code load} ({@code /proc/loadavg}), {@code mem} ({@code /proc/meminfo}), {@code sockstat}
 * ({@code /proc/net/sockstat} and {@code sockstat6}), {@code time}, {@code version},
 * {@code ringmd5} (the MD5 of each ring file: account, container, and each replication policy's
 * object ring) and {@code swiftconfmd5}. Files are read on Reactor's {@code boundedElastic}
 * threads, never on an event loop.
 */
public final class HostRecon {

    /**
     * The page size {@code tcp_mem_allocated_bytes} counts in (Swift multiplies the kernel's page
     * count by {@code getpagesize()}): 4 KiB on x86_64 and on most arm64 kernels.
     */
    private static final long PAGE_SIZE = 4096;

    /** Swift's {@code SWIFT_CONF_FILE}: the key {@code swiftconfmd5} answers under. */
    static final String SWIFT_CONF_FILE = "/etc/swift/swift.conf";

    private final Path proc;
    private final Path swiftDir;
    private final StoragePolicies policies;
    private final Map<String, String> versions;

    /**
     * @param proc the proc file system ({@code /proc}; another directory in tests)
     * @param swiftDir the swift directory in use (swift.conf and the rings)
     * @param policies the storage policies, whose object rings {@code ringmd5} sums
     * @param versions what {@code version} answers
     */
    public HostRecon(Path proc, Path swiftDir, StoragePolicies policies, Map<String, String> versions) {
        this.proc = requireNonNull(proc, "proc");
        this.swiftDir = requireNonNull(swiftDir, "swiftDir");
        this.policies = requireNonNull(policies, "policies");
        this.versions = Map.copyOf(versions);
    }

    /** The checks by recon name. */
    public Map<String, Supplier<Mono<?>>> checks() {
        Map<String, Supplier<Mono<?>>> checks = new LinkedHashMap<>();
        checks.put("load", () -> read(this::load));
        checks.put("mem", () -> read(this::mem));
        checks.put("sockstat", () -> read(this::sockstat));
        checks.put("time", () -> Mono.fromSupplier(() -> ReconTime.seconds(java.time.Instant.now())));
        checks.put("version", () -> Mono.just(versions));
        checks.put("ringmd5", () -> read(this::ringMd5));
        checks.put("swiftconfmd5", () -> read(this::swiftConfMd5));
        return checks;
    }

    private static <T> Mono<T> read(Callable<T> reader) {
        return Mono.fromCallable(reader).subscribeOn(Schedulers.boundedElastic());
    }

    /** {@code {"1m": 0.5, "5m": 0.4, "15m": 0.3, "tasks": "2/300", "processes": 4242}}. */
    Map<String, Object> load() throws IOException {
        String[] fields = Files.readString(proc.resolve("loadavg")).strip().split("\\s+");
        Map<String, Object> load = new LinkedHashMap<>();
        load.put("1m", Double.parseDouble(fields[0]));
        load.put("5m", Double.parseDouble(fields[1]));
        load.put("15m", Double.parseDouble(fields[2]));
        load.put("tasks", fields[3]);
        load.put("processes", Long.parseLong(fields[4]));
        return load;
    }

    /** Every line of meminfo, as {@code "MemTotal": "24564044 kB"}. */
    Map<String, String> mem() throws IOException {
        Map<String, String> mem = new LinkedHashMap<>();
        for (String line : Files.readAllLines(proc.resolve("meminfo"))) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                mem.put(line.substring(0, colon), line.substring(colon + 1).strip());
            }
        }
        return mem;
    }

    /** {@code tcp_in_use}, {@code orphan}, {@code time_wait}, {@code tcp_mem_allocated_bytes}, {@code tcp6_in_use}. */
    Map<String, Long> sockstat() throws IOException {
        Map<String, Long> sockstat = new LinkedHashMap<>();
        for (String line : linesIfPresent(proc.resolve("net").resolve("sockstat"))) {
            if (line.startsWith("TCP: inuse")) {
                String[] fields = line.split("\\s+");
                sockstat.put("tcp_in_use", Long.parseLong(fields[2]));
                sockstat.put("orphan", Long.parseLong(fields[4]));
                sockstat.put("time_wait", Long.parseLong(fields[6]));
                sockstat.put("tcp_mem_allocated_bytes", Long.parseLong(fields[10]) * PAGE_SIZE);
            }
        }
        for (String line : linesIfPresent(proc.resolve("net").resolve("sockstat6"))) {
            if (line.startsWith("TCP6: inuse")) {
                sockstat.put("tcp6_in_use", Long.parseLong(line.split("\\s+")[2]));
            }
        }
        return sockstat;
    }

    /** Each ring file that exists, by path: its MD5. */
    Map<String, @Nullable String> ringMd5() throws IOException {
        List<String> rings = new ArrayList<>(List.of("account", "container"));
        for (StoragePolicy policy : policies.all()) {
            if (policy instanceof ReplicationPolicy replication) {
                rings.add(replication.objectRingName());
            }
        }
        Map<String, @Nullable String> sums = new LinkedHashMap<>();
        for (String ring : rings) {
            Path file = swiftDir.resolve(ring + ".ring.gz");
            if (Files.exists(file)) {
                sums.put(file.toString(), md5(file));
            }
        }
        return sums;
    }

    /**
     * {@code {"/etc/swift/swift.conf": md5}} of the swift.conf in use, null when there is none.
     * The key is Swift's fixed {@code SWIFT_CONF_FILE} whatever the swift directory: swift-recon
     * looks the answer up under that name (a KeyError otherwise) and compares it with its own
     * host's {@code /etc/swift/swift.conf}.
     */
    Map<String, @Nullable String> swiftConfMd5() throws IOException {
        Path conf = swiftDir.resolve("swift.conf");
        Map<String, @Nullable String> sum = new LinkedHashMap<>();
        sum.put(SWIFT_CONF_FILE, Files.exists(conf) ? md5(conf) : null);
        return sum;
    }

    private static List<String> linesIfPresent(Path file) throws IOException {
        try {
            return Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    private static String md5(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                md5.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(md5.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
