package io.ringway.storage.object;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Swift's {@code container_update} and {@code async_update}: after a PUT, POST or DELETE the
 * object server tells the container servers named by {@code X-Container-Host},
 * {@code X-Container-Device} (matched by position) and {@code X-Container-Partition}, all at
 * once. The request waits at most {@code container_update_timeout} for them; updates still
 * running then finish in the background. Updates that fail are saved as an
 * {@link AsyncPending} for the {@link ObjectUpdater}.
 */
final class ContainerUpdates {

    private static final Logger log = LoggerFactory.getLogger(ContainerUpdates.class);
    private static final String USER_AGENT = "object-server " + ProcessHandle.current().pid();

    private final ContainerUpdateClient client;
    private final Duration waitAtMost;

    ContainerUpdates(ContainerUpdateClient client, Duration containerUpdateTimeout) {
        this.client = requireNonNull(client, "client");
        this.waitAtMost = requireNonNull(containerUpdateTimeout, "containerUpdateTimeout");
    }

    /**
     * Sends the update and completes when all targets answered or {@code container_update_timeout}
     * passed, whichever is first.
     *
     * @param pendingTimestamp names the async pending file ({@code x-meta-timestamp} or {@code x-timestamp})
     * @param referer Swift's {@code request.as_referer()}: method and URL of the object request
     */
    Mono<Void> update(String op, ObjectLocation location, HttpHeaders request, Map<String, String> headersOut,
            String pendingTimestamp, String referer) {
        List<AsyncPending.Target> targets = targets(request);
        if (targets.isEmpty()) {
            return Mono.empty();
        }
        Map<String, String> headers = new LinkedHashMap<>(headersOut);
        headers.put("X-Trans-Id", Objects.requireNonNullElse(request.getFirst("X-Trans-Id"), "-"));
        headers.put("Referer", referer);
        headers.put("X-Backend-Storage-Policy-Index", String.valueOf(location.policyIndex()));
        headers.put("User-Agent", USER_AGENT);
        AsyncPending pending = new AsyncPending(op, location.account(), location.container(), location.object(),
                headers, targets, containerPath(request));
        Mono<Void> all = Flux.fromIterable(targets)
                .flatMap(target -> client.send(op, target, pending.objectPath(), headers)
                        .map(ok -> ok ? List.<AsyncPending.Target>of() : List.of(target)))
                .collectList()
                .flatMap(results -> savePendingIfFailed(location, pending, results, pendingTimestamp))
                .cache();
        // Started now and left running: the request only waits container_update_timeout for it.
        all.subscribe(null, error -> log.error("ERROR saving async pending update for {}", location.name(), error));
        return all
                .timeout(waitAtMost, Mono.empty())
                .onErrorResume(error -> Mono.empty());
    }

    /** The container servers named by the request; none when the headers disagree, as Swift logs and skips. */
    static List<AsyncPending.Target> targets(HttpHeaders request) {
        String partition = request.getFirst("X-Container-Partition");
        String[] hosts = Objects.requireNonNullElse(request.getFirst("X-Container-Host"), "").split(",", -1);
        String[] devices = Objects.requireNonNullElse(request.getFirst("X-Container-Device"), "").split(",", -1);
        if (hosts.length != devices.length) {
            log.error("ERROR Container update failed: different numbers of hosts and devices in request: \"{}\" vs \"{}\"",
                    request.getFirst("X-Container-Host"), request.getFirst("X-Container-Device"));
            return List.of();
        }
        if (partition == null || partition.isEmpty()) {
            return List.of();
        }
        List<AsyncPending.Target> targets = new ArrayList<>();
        for (int i = 0; i < hosts.length; i++) {
            String host = hosts[i].strip();
            String device = devices[i].strip();
            // Swift's async_update does nothing but save the update when a part is missing.
            targets.add(new AsyncPending.Target(host, device, partition));
        }
        return targets;
    }

    /**
     * The shard to update instead of the root container: {@code X-Backend-Quoted-Container-Path}
     * (unquoted) or {@code X-Backend-Container-Path}, when it is {@code account/container};
     * otherwise the root container, as Swift falls back.
     */
    static @Nullable String containerPath(HttpHeaders request) {
        String quoted = request.getFirst("X-Backend-Quoted-Container-Path");
        String path = quoted != null && !quoted.isEmpty()
                ? UriUtils.decode(quoted, StandardCharsets.UTF_8)
                : request.getFirst("X-Backend-Container-Path");
        if (path == null || path.isEmpty()) {
            return null;
        }
        String[] parts = path.split("/", -1);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            log.error("Invalid X-Backend-Container-Path, should be of the form 'account/container' but got '{}'.",
                    path);
            return null;
        }
        return path;
    }

    private static Mono<Void> savePendingIfFailed(ObjectLocation location, AsyncPending pending,
            List<List<AsyncPending.Target>> results, String timestamp) {
        List<AsyncPending.Target> failed = results.stream().flatMap(List::stream).toList();
        if (failed.isEmpty()) {
            return Mono.empty();
        }
        return Mono.fromCallable(() -> {
                    pending.withTargets(failed).write(location.asyncPendingFile(timestamp), location.tmpDir());
                    return true;
                })
                .subscribeOn(Schedulers.boundedElastic())
                .then();
    }
}
