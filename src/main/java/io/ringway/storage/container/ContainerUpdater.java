package io.ringway.storage.container;

import static java.util.Objects.requireNonNull;

import io.ringway.storage.db.DatabaseFiles;
import io.ringway.storage.db.Sqlite;
import io.ringway.storage.node.DeviceRoot;
import io.ringway.storage.node.ServerType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;

/**
 * Swift's container-updater: one {@link #sweep()} walks every container database on the node's
 * devices and reports to the account servers each container whose put or delete timestamp,
 * object count or bytes used differ from what they were last told; a majority of successes
 * records the report, anything less is tried again by the next sweep. The caller schedules
 * sweeps (Swift's {@code interval}, 300 seconds).
 *
 * <p>Where Swift asks the account ring for the account's nodes, this updater uses the
 * {@code X-Account-Host/Device/Partition} the proxy sent with the container's last PUT or DELETE,
 * stored in the database; containers never told an account are skipped.
 */
public final class ContainerUpdater {

    private static final Logger log = LoggerFactory.getLogger(ContainerUpdater.class);

    /**
     * What one sweep did.
     *
     * @param checked container databases looked at
     * @param successes containers reported to a majority of their account servers
     * @param failures containers whose report failed (retried next sweep)
     * @param noChanges containers the accounts already knew, or that have nowhere to report to
     */
    public record Sweep(int checked, int successes, int failures, int noChanges) {
    }

    private enum Result { SUCCESS, FAILURE, NO_CHANGE }

    private record Pending(ContainerInfo info, AccountTarget target) {
    }

    private final DeviceRoot devices;
    private final ContainerSettings settings;
    private final AccountUpdates updates;

    public ContainerUpdater(DeviceRoot devices, ContainerSettings settings, HttpClient httpClient) {
        this.devices = requireNonNull(devices, "devices");
        this.settings = requireNonNull(settings, "settings");
        this.updates = new AccountUpdates(requireNonNull(httpClient, "httpClient"), settings);
    }

    /** One pass over all container databases; never fails for one container's error. */
    public Mono<Sweep> sweep() {
        return Mono.fromCallable(this::databases)
                .subscribeOn(Schedulers.boundedElastic())
                .flatMapMany(Flux::fromIterable)
                .flatMap(this::process, Math.max(1, settings.updaterConcurrency()))
                .collectList()
                .map(results -> new Sweep(results.size(),
                        count(results, Result.SUCCESS), count(results, Result.FAILURE), count(results, Result.NO_CHANGE)));
    }

    private Mono<Result> process(Path file) {
        return Sqlite.onExisting(file, c -> {
                    if (!ContainerBroker.isInitialized(c)) {
                        return null;
                    }
                    ContainerInfo info = ContainerBroker.info(c);
                    AccountTarget target = ContainerBroker.accountTarget(c);
                    return target != null && info.needsReport() && !target.nodes().isEmpty()
                            ? new Pending(info, target) : null;
                })
                .flatMap(pending -> updates.send(pending.target(), pending.info(), "-", null)
                        .flatMap(outcome -> outcome.quorum()
                                ? Sqlite.onExisting(file, c -> {
                                    ContainerBroker.reported(c, pending.info());
                                    return Result.SUCCESS;
                                })
                                : Mono.just(Result.FAILURE)))
                .defaultIfEmpty(Result.NO_CHANGE)
                .onErrorResume(error -> {
                    log.error("ERROR with container {}", file, error);
                    return Mono.just(Result.FAILURE);
                });
    }

    private List<Path> databases() throws IOException {
        return DatabaseFiles.list(devices, ServerType.CONTAINER);
    }

    private static int count(List<Result> results, Result wanted) {
        return (int) results.stream().filter(result -> result == wanted).count();
    }
}
