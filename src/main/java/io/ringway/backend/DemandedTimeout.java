package io.ringway.backend;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Swift's {@code ChunkReadTimeout} around each read of a node's body: the time a node may take to
 * send the next chunk counts only while the client wants more (downstream demand is pending). A
 * client that pauses reading stops the proxy's reads, and so its clock, in Swift; a plain
 * {@code Flux.timeout} would count that pause against the node, record a node error and resume
 * elsewhere for nothing (found by the real-cluster tier).
 *
 * <p>One clock per body, ticking {@value #TICKS} times per timeout, adds up the silence during
 * which demand was pending: a tick after an item counts from that item's arrival, a tick with
 * demand pending and nothing new counts whole, a tick without demand counts nothing. It fires at
 * the first tick where the silence reaches the timeout: exact when items and ticks agree, late by
 * less than a tick otherwise, in the node's favour. Items only note their arrival: an earlier
 * version re-armed a timer per item (a task handed to, and a thread woken on, the parallel
 * scheduler for every buffer), which was a third of the event loop's Java time in a 1 GiB GET.
 * Ticks run on the given scheduler: the body's event loop, where setting and cancelling the first
 * tick of a short body is a timer-queue operation (on the parallel scheduler it woke a thread).
 */
public final class DemandedTimeout {

    private static final int TICKS = 10;

    private DemandedTimeout() {
    }

    /**
     * {@code source}, failing with a {@code TimeoutException} after {@code timeout} of demanded
     * silence, as told by ticks on {@code scheduler} (the body's event loop: see {@link LoopTimers}).
     */
    public static <T> Flux<T> apply(Flux<T> source, Duration timeout, Scheduler scheduler) {
        return Flux.defer(() -> {
            Clock clock = new Clock(scheduler, timeout);
            // Mono.delay, not Flux.interval: cancelling a periodic task may park (BlockHound).
            Mono<Long> expiry = Mono.delay(timeout.dividedBy(TICKS), scheduler)
                    .repeat()
                    .filter(ignored -> clock.expiredAtTick())
                    .next();
            return source
                    .doOnNext(item -> clock.arrived())
                    .doOnRequest(clock::demanded)
                    .takeUntilOther(expiry)
                    .concatWith(Mono.defer(() -> clock.expired
                            ? Mono.error(new TimeoutException("no data for " + timeout + " with demand pending"))
                            : Mono.empty()));
        });
    }

    /** Demand and arrivals, written by the body's thread; the silence, read and written by the ticker only. */
    private static final class Clock {

        private final Scheduler scheduler;
        private final long timeoutNanos;
        private final AtomicLong pending = new AtomicLong();
        private volatile long arrivals;
        private volatile long lastArrivalNanos;
        private long arrivalsAtLastTick;
        private long lastTickNanos;
        private long silentNanos;
        private volatile boolean expired;

        Clock(Scheduler scheduler, Duration timeout) {
            this.scheduler = scheduler;
            this.timeoutNanos = timeout.toNanos();
            this.lastTickNanos = scheduler.now(TimeUnit.NANOSECONDS);
        }

        void demanded(long n) {
            pending.getAndUpdate(p -> p > Long.MAX_VALUE - n ? Long.MAX_VALUE : p + n);
        }

        // onNext is serial: one writer, so a plain increment of the volatile is safe. The time is
        // written first: a tick that sees the new count sees its time (one that sees the time
        // only counts from the older item now, and from this one at the next tick).
        @SuppressWarnings("NonAtomicOperationOnVolatileField")
        void arrived() {
            lastArrivalNanos = scheduler.now(TimeUnit.NANOSECONDS);
            arrivals++;
            pending.getAndUpdate(n -> n == Long.MAX_VALUE ? n : n - 1);
        }

        boolean expiredAtTick() {
            long now = scheduler.now(TimeUnit.NANOSECONDS);
            long seen = arrivals;
            boolean demandPending = pending.get() > 0;
            if (seen != arrivalsAtLastTick) {
                arrivalsAtLastTick = seen;
                silentNanos = demandPending ? now - lastArrivalNanos : 0;
            } else if (demandPending) {
                silentNanos += now - lastTickNanos;
            }
            lastTickNanos = now;
            if (silentNanos >= timeoutNanos) {
                expired = true;
            }
            return expired;
        }
    }
}
