package io.ringway.storage.recon;

import static java.util.Objects.requireNonNull;

import io.ringway.api.recon.ReconTime;
import io.ringway.info.RingwayVersion;
import io.ringway.storage.node.BackendResponses;
import io.ringway.storage.node.DeviceRoot;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Swift's recon middleware on a storage node, every check of Swift 2.30 with its paths and JSON
 * keys, so that {@code swift-recon} reads a Ringway node as a Swift one: the node's own
 * ({@code version}, {@code time}), its devices' ({@link DeviceRecon}), its daemons' from the
 * {@link ReconCache} ({@code async}, {@code replication[/type]}, {@code updater/type},
 * {@code auditor/type}, {@code expirer/object}, {@code driveaudit}, {@code sharding},
 * {@code reconstruction/object}, {@code relinker}), and the host's and cluster files' (load, mem,
 * sockstat, ringmd5, swiftconfmd5: {@code HostRecon}). Any other path answers 404 as Swift does.
 * A key no daemon has written yet is {@code null}, as in Swift.
 */
public final class NodeRecon {

    private static final List<String> ACCOUNT_TYPES = List.of("account", "container", "object");
    private static final List<String> REPLICATION_KEYS = List.of("replication_time", "replication_stats", "replication_last");

    private final Clock clock;
    private final ReconCache cache;
    private final DeviceRecon deviceRecon;
    private final Map<String, Supplier<Mono<?>>> hostChecks;

    /** Only the node's own checks, its cache beside its devices (tests). */
    public NodeRecon(DeviceRoot devices, Clock clock) {
        this(devices, clock, new ReconCache(devices.root().resolveSibling("recon")), Path.of("/proc"), Map.of());
    }

    /**
     * @param cache where the node's daemons write their stats
     * @param proc the proc file system ({@code mounted} reads its {@code mounts})
     * @param hostChecks the host's and the cluster files' checks ({@code HostRecon}), answered as
     *     the node's own
     */
    public NodeRecon(DeviceRoot devices, Clock clock, ReconCache cache, Path proc,
            Map<String, Supplier<Mono<?>>> hostChecks) {
        this.clock = requireNonNull(clock, "clock");
        this.cache = requireNonNull(cache, "cache");
        this.deviceRecon = new DeviceRecon(devices, proc);
        this.hostChecks = Map.copyOf(hostChecks);
    }

    public Mono<ServerResponse> handle(ServerRequest request) {
        if (!"GET".equals(request.method().name())) {
            return BackendResponses.status(405);
        }
        String[] parts = request.path().substring("/recon/".length()).split("/", -1);
        String check = parts[0];
        @Nullable String type = parts.length == 2 ? parts[1] : null;
        if (parts.length > 2) {
            return invalidPath(request);
        }
        Mono<?> content = content(check, type);
        return content == null ? invalidPath(request) : content.flatMap(NodeRecon::json);
    }

    /** The check's answer, or {@code null} for a path Swift does not know. */
    private @Nullable Mono<?> content(String check, @Nullable String type) {
        if (type != null && type.isEmpty()) {
            type = null;
        }
        Mono<?> simple = simpleCheck(check);
        if (simple != null) {
            return simple;
        }
        return switch (check) {
            case "replication" -> type == null || ACCOUNT_TYPES.contains(type) ? replication(type == null ? "object" : type) : null;
            case "updater" -> switch (String.valueOf(type)) {
                case "container" -> fromCache(ReconFile.CONTAINER, "container_updater_sweep");
                case "object" -> fromCache(ReconFile.OBJECT, "object_updater_sweep");
                default -> null;
            };
            case "auditor" -> switch (String.valueOf(type)) {
                case "account" -> fromCache(ReconFile.ACCOUNT, "account_audits_passed",
                        "account_auditor_pass_completed", "account_audits_since", "account_audits_failed");
                case "container" -> fromCache(ReconFile.CONTAINER, "container_audits_passed",
                        "container_auditor_pass_completed", "container_audits_since", "container_audits_failed");
                case "object" -> fromCache(ReconFile.OBJECT, "object_auditor_stats_ALL", "object_auditor_stats_ZBF");
                default -> null;
            };
            case "expirer" -> "object".equals(type)
                    ? fromCache(ReconFile.OBJECT, "object_expiration_pass", "expired_last_pass") : null;
            case "reconstruction" -> "object".equals(type)
                    ? fromCache(ReconFile.OBJECT, "object_reconstruction_last", "object_reconstruction_time") : null;
            default -> null;
        };
    }

    /** The checks that take no type; Swift ignores one they are given. */
    private @Nullable Mono<?> simpleCheck(String check) {
        return switch (check) {
            case "version" -> Mono.just(RingwayVersion.recon());
            case "time" -> Mono.fromSupplier(() -> ReconTime.seconds(clock.instant()));
            case "devices" -> blocking(deviceRecon::devices);
            case "diskusage" -> blocking(deviceRecon::diskUsage);
            case "unmounted" -> blocking(deviceRecon::unmounted);
            case "quarantined" -> blocking(deviceRecon::quarantined);
            case "mounted" -> blocking(deviceRecon::mounted);
            case "async" -> fromCache(ReconFile.OBJECT, "async_pending", "async_pending_last");
            case "driveaudit" -> fromCache(ReconFile.DRIVE, "drive_audit_errors");
            case "sharding" -> fromCache(ReconFile.CONTAINER, "sharding_stats", "sharding_time", "sharding_last");
            case "relinker" -> fromCache(ReconFile.RELINKER, "devices", "workers");
            // Ringway's own: the account_location audit watcher's last account pass
            case "account_location" -> fromCache(ReconFile.ACCOUNT, "account_location");
            default -> hostChecks.containsKey(check) ? hostChecks.get(check).get() : null;
        };
    }

    private Mono<?> replication(String type) {
        return switch (type) {
            case "account" -> fromCache(ReconFile.ACCOUNT, REPLICATION_KEYS.toArray(String[]::new));
            case "container" -> fromCache(ReconFile.CONTAINER, REPLICATION_KEYS.toArray(String[]::new));
            default -> fromCache(ReconFile.OBJECT, "replication_time", "replication_stats", "replication_last",
                    "object_replication_time", "object_replication_last");
        };
    }

    private Mono<?> fromCache(ReconFile file, String... keys) {
        return blocking(() -> cache.read(file, List.of(keys)));
    }

    private static Mono<?> blocking(Callable<?> check) {
        return Mono.fromCallable(check).subscribeOn(Schedulers.boundedElastic());
    }

    private static Mono<ServerResponse> json(Object body) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }

    private static Mono<ServerResponse> invalidPath(ServerRequest request) {
        return ServerResponse.status(404).contentType(MediaType.TEXT_PLAIN).bodyValue("Invalid path: " + request.path());
    }
}
