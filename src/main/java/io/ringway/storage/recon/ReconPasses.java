package io.ringway.storage.recon;

import java.util.Map;
import java.util.function.BiFunction;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Records what a daemon's pass did in the recon cache once it ends, as Swift's daemons do. */
public final class ReconPasses {

    private ReconPasses() {
    }

    /**
     * The pass, which on success writes {@code entries(result, elapsedSeconds)} to {@code file}
     * (off the thread the pass ended on, which may be an event loop).
     */
    public static <T> Mono<T> recorded(Mono<T> pass, ReconCache cache, ReconFile file,
            BiFunction<T, Double, Map<String, ?>> entries) {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            return pass.publishOn(Schedulers.boundedElastic())
                    .doOnNext(result -> cache.dump(file, entries.apply(result, (System.nanoTime() - start) / 1e9)));
        });
    }

    /** Seconds since the epoch, with their fraction, as Swift's {@code time.time()}. */
    public static double now() {
        return System.currentTimeMillis() / 1000.0;
    }
}
