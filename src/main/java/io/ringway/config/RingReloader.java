package io.ringway.config;

import static java.util.Objects.requireNonNull;

import io.ringway.ring.Rings;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** Checks the ring files every {@code ringway.ring-reload-time}, off the event loops, as Swift's reload_time. */
final class RingReloader implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RingReloader.class);

    private final Rings rings;
    private final Duration period;
    private @Nullable Disposable task;

    RingReloader(Rings rings, Duration period) {
        this.rings = requireNonNull(rings, "rings");
        this.period = requireNonNull(period, "period");
    }

    @Override
    public synchronized void start() {
        task = Flux.interval(period, period, Schedulers.boundedElastic())
                .map(tick -> rings.reloadIfChanged())
                .filter(reloaded -> reloaded > 0)
                .subscribe(reloaded -> log.info("Reloaded {} ring(s)", reloaded),
                        error -> log.error("Ring reloading stopped", error));
    }

    @Override
    public synchronized void stop() {
        if (task != null) {
            task.dispose();
            task = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return task != null;
    }
}
