package io.ringway.storage.object;

import static java.util.Objects.requireNonNull;

import io.ringway.storage.node.DeviceRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;

/**
 * Swift's {@code swift-object-updater}: each sweep walks every device's
 * {@code async_pending[-N]} directories, sends each saved container update again, and removes
 * it once every container server named in it took it (keeping the ones still owed). Of several
 * pending updates for one object only the newest is sent; older ones are removed, as Swift does.
 * Not scheduled here: call {@link #sweep()} every {@link #interval()}.
 */
public final class ObjectUpdater {

    private static final Logger log = LoggerFactory.getLogger(ObjectUpdater.class);
    private static final String USER_AGENT = "object-updater " + ProcessHandle.current().pid();

    private final DeviceRoot devices;
    private final ObjectUpdaterSettings settings;
    private final ContainerUpdateClient client;

    public ObjectUpdater(DeviceRoot devices, ObjectUpdaterSettings settings, HttpClient httpClient) {
        this.devices = requireNonNull(devices, "devices");
        this.settings = requireNonNull(settings, "settings");
        this.client = new ContainerUpdateClient(requireNonNull(httpClient, "httpClient"),
                settings.connTimeout(), settings.nodeTimeout());
    }

    /** Swift's {@code interval}: how often the caller should sweep. */
    public Duration interval() {
        return settings.interval();
    }

    /** One pass over all async pending updates; completes with what it did. */
    public Mono<Sweep> sweep() {
        return Mono.fromCallable(this::pendingFiles)
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(found -> Flux.fromIterable(found.files())
                        .flatMap(this::process, settings.concurrency())
                        .collectList()
                        .map(outcomes -> new Sweep(
                                count(outcomes, Outcome.SUCCESS),
                                count(outcomes, Outcome.FAILURE),
                                found.unlinked())));
    }

    private Mono<Outcome> process(Path file) {
        return Mono.fromCallable(() -> AsyncPending.read(file))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(pending -> Flux.fromIterable(pending.targets())
                        .flatMap(target -> client.send(pending.op(), target, pending.objectPath(), headers(pending))
                                .map(ok -> ok ? List.<AsyncPending.Target>of() : List.of(target)))
                        .collectList()
                        .flatMap(results -> finish(file, pending, results)))
                .onErrorResume(error -> {
                    log.error("ERROR Pickle problem, leaving {}: {}", file, error.toString());
                    return Mono.just(Outcome.FAILURE);
                });
    }

    private static Mono<Outcome> finish(Path file, AsyncPending pending, List<List<AsyncPending.Target>> results) {
        List<AsyncPending.Target> remaining = results.stream().flatMap(List::stream).toList();
        return Mono.fromCallable(() -> {
                    if (remaining.isEmpty()) {
                        Files.deleteIfExists(file);
                        return Outcome.SUCCESS;
                    }
                    if (remaining.size() < pending.targets().size()) {
                        // remember who already has it, as Swift's updater records 'successes'
                        pending.withTargets(remaining).write(file, tmpDirFor(file));
                    }
                    return Outcome.FAILURE;
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    private static java.util.Map<String, String> headers(AsyncPending pending) {
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>(pending.headers());
        headers.put("User-Agent", USER_AGENT);
        return headers;
    }

    /** Blocking: every pending file, newest first for each object; older duplicates are removed. */
    private Found pendingFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        int[] unlinked = new int[1];
        if (!Files.isDirectory(devices.root())) {
            return new Found(files, 0);
        }
        for (Path device : children(devices.root())) {
            if (devices.device(device.getFileName().toString()).isEmpty()) {
                continue;
            }
            for (Path asyncDir : children(device)) {
                String name = asyncDir.getFileName().toString();
                if (!name.equals("async_pending") && !name.startsWith("async_pending-")) {
                    continue;
                }
                for (Path suffix : children(asyncDir)) {
                    files.addAll(newestPerObject(suffix, unlinked));
                }
            }
        }
        return new Found(files, unlinked[0]);
    }

    private static List<Path> newestPerObject(Path suffixDir, int[] unlinked) throws IOException {
        List<Path> entries = new ArrayList<>(children(suffixDir));
        entries.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
        List<Path> newest = new ArrayList<>();
        String lastHash = null;
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            int dash = name.indexOf('-');
            if (dash < 0) {
                continue;
            }
            String hash = name.substring(0, dash);
            if (hash.equals(lastHash)) {
                // an older update of the same object: the newer one supersedes it, as in Swift
                Files.deleteIfExists(entry);
                unlinked[0]++;
                continue;
            }
            lastHash = hash;
            newest.add(entry);
        }
        return newest;
    }

    private static List<Path> children(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(directory)) {
            return list.sorted().toList();
        }
    }

    /** {@code async_pending-N/suffix/file} to {@code tmp-N}. */
    private static Path tmpDirFor(Path file) {
        Path asyncDir = file.getParent().getParent();
        String tmp = asyncDir.getFileName().toString().replace("async_pending", "tmp");
        return asyncDir.getParent().resolve(tmp);
    }

    private static int count(List<Outcome> outcomes, Outcome outcome) {
        return (int) outcomes.stream().filter(outcome::equals).count();
    }

    private enum Outcome { SUCCESS, FAILURE }

    /** The pending files to send, and how many superseded ones were removed on the way. */
    private record Found(List<Path> files, int unlinked) {
    }

    /**
     * What one sweep did, as Swift's updater stats.
     *
     * @param successes updates delivered to every container server and removed
     * @param failures updates left for the next sweep
     * @param unlinked older updates of an object removed unsent, superseded by a newer one
     */
    public record Sweep(int successes, int failures, int unlinked) {
    }
}
