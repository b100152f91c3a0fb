package io.ringway.backend;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.HttpResources;

/**
 * The HTTP event loops (server and clients, colocated by Reactor Netty) as schedulers, for the
 * timeouts of storage-node requests. A timeout set and cancelled on the loop that runs the request
 * is an operation on that loop's timer queue. On the parallel scheduler, where
 * {@code Mono.timeout(Duration)} puts it, each one took a lock and woke one of its threads: in a
 * 4 KiB GET the two timers (response headers, body stall) and the wake-ups they caused were 7 %
 * of the gateway's CPU (see docs/performance.md). One scheduler per loop, made once.
 */
public final class LoopTimers {

    private final EventLoopGroup loops = HttpResources.get().onClient(true);
    private final Map<EventLoop, Scheduler> schedulers = new ConcurrentHashMap<>();

    /** {@code loop} as a scheduler. */
    public Scheduler of(EventLoop loop) {
        return schedulers.computeIfAbsent(loop, Schedulers::fromExecutorService);
    }

    /** The timers of {@code channel}'s event loop. */
    public Scheduler of(Channel channel) {
        return of(channel.eventLoop());
    }

    /**
     * The timers of the event loop running the caller, or the parallel scheduler when the caller
     * is not on one (a test, a blocking caller; tests on virtual time get theirs this way).
     */
    public Scheduler current() {
        // The colocated group hands out the caller's own loop when the caller runs on one.
        EventLoop loop = loops.next();
        return loop.inEventLoop() ? of(loop) : Schedulers.parallel();
    }

    /** The HTTP event loops: colocated, {@code next()} is the caller's when it runs on one. */
    public EventLoopGroup loops() {
        return loops;
    }
}
