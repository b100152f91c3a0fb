package io.ringway.storage.node;

import static java.util.Objects.requireNonNull;

import io.ringway.api.recon.ReconTime;
import io.ringway.info.RingwayVersion;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Swift's recon middleware on a storage node, first part: {@code /recon/version},
 * {@code /recon/time}, {@code /recon/diskusage} and {@code /recon/devices}, and the host's and
 * cluster files' checks ({@code load}, {@code mem}, {@code sockstat}, {@code ringmd5},
 * {@code swiftconfmd5}), with Swift's JSON keys so that {@code swift-recon} reads them. Any other
 * check answers 404 as Swift does.
 */
public final class NodeRecon {

    /** The Swift release whose backend protocol this node implements, reported to swift-recon. */
    public static final String SWIFT_VERSION = RingwayVersion.SWIFT_RELEASE;

    private final DeviceRoot devices;
    private final Clock clock;
    private final Map<String, Supplier<Mono<?>>> hostChecks;

    /** Only the node's own checks (tests). */
    public NodeRecon(DeviceRoot devices, Clock clock) {
        this(devices, clock, Map.of());
    }

    /**
     * @param hostChecks the host's and the cluster files' checks ({@code load}, {@code mem},
     *     {@code sockstat}, {@code ringmd5}, {@code swiftconfmd5}: {@code HostRecon}), answered
     *     as the node's own
     */
    public NodeRecon(DeviceRoot devices, Clock clock, Map<String, Supplier<Mono<?>>> hostChecks) {
        this.devices = requireNonNull(devices, "devices");
        this.clock = requireNonNull(clock, "clock");
        this.hostChecks = Map.copyOf(hostChecks);
    }

    public Mono<ServerResponse> handle(ServerRequest request) {
        if (!"GET".equals(request.method().name())) {
            return BackendResponses.status(405);
        }
        String check = request.path().substring("/recon/".length());
        return switch (check) {
            case "version" -> json(Mono.just(RingwayVersion.recon()));
            case "time" -> json(Mono.fromSupplier(() -> ReconTime.seconds(clock.millis())));
            case "diskusage" -> json(Mono.fromCallable(this::diskUsage).subscribeOn(Schedulers.boundedElastic()));
            case "devices" -> json(Mono.fromCallable(this::deviceList).subscribeOn(Schedulers.boundedElastic()));
            default -> hostChecks.containsKey(check)
                    ? json(hostChecks.get(check).get())
                    : ServerResponse.status(404)
                            .contentType(MediaType.TEXT_PLAIN)
                            .bodyValue("Invalid path: " + request.path());
        };
    }

    private Mono<ServerResponse> json(Mono<?> body) {
        return body.flatMap(value -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(value));
    }

    /** Swift's {@code get_device_info}: the devices path and the names under it. */
    private Map<String, List<String>> deviceList() throws IOException {
        return Map.of(devices.root().toString(), deviceNames());
    }

    /** Swift's {@code get_diskusage}: one entry a device, unmounted ones marked so. */
    private List<Map<String, Object>> diskUsage() throws IOException {
        List<Map<String, Object>> usage = new ArrayList<>();
        for (String name : deviceNames()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("device", name);
            Path device = devices.device(name).orElse(null);
            if (device == null) {
                entry.put("mounted", false);
                entry.put("size", "");
                entry.put("used", "");
                entry.put("avail", "");
            } else {
                FileStore store = Files.getFileStore(device);
                long size = store.getTotalSpace();
                long avail = store.getUsableSpace();
                entry.put("mounted", true);
                entry.put("size", size);
                entry.put("used", size - store.getUnallocatedSpace());
                entry.put("avail", avail);
            }
            usage.add(entry);
        }
        return usage;
    }

    private List<String> deviceNames() throws IOException {
        if (!Files.isDirectory(devices.root())) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(devices.root())) {
            return children.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
