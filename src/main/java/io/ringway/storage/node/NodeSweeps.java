package io.ringway.storage.node;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The node's background passes (Swift's updaters and the reclaim part of its replicators), each
 * run every interval, never two of the same at once, a failed pass logged and the next one run
 * as planned, as Swift's daemons do.
 */
public final class NodeSweeps implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NodeSweeps.class);

    private final List<Sweep> sweeps;
    private final List<Disposable> running = new ArrayList<>();

    public NodeSweeps(List<Sweep> sweeps) {
        this.sweeps = List.copyOf(sweeps);
    }

    @Override
    public synchronized void start() {
        for (Sweep sweep : sweeps) {
            running.add(Flux.interval(sweep.interval(), sweep.interval(), Schedulers.boundedElastic())
                    .onBackpressureDrop()
                    .concatMap(tick -> Mono.defer(sweep.pass())
                            .doOnNext(result -> log.debug("{} pass: {}", sweep.name(), result))
                            .onErrorResume(error -> {
                                log.warn("{} pass failed", sweep.name(), error);
                                return Mono.empty();
                            }))
                    .subscribe());
        }
    }

    @Override
    public synchronized void stop() {
        running.forEach(Disposable::dispose);
        running.clear();
    }

    @Override
    public synchronized boolean isRunning() {
        return !running.isEmpty();
    }

    /**
     * One kind of pass.
     *
     * @param name for logs, e.g. {@code container-updater}
     * @param interval time between the starts of two passes
     * @param pass makes one pass when subscribed
     */
    public record Sweep(String name, Duration interval, Supplier<Mono<?>> pass) {
    }
}
