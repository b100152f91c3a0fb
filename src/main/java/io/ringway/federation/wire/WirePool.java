package io.ringway.federation.wire;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpRequest;
import io.ringway.backend.LoopTimers;
import io.ringway.federation.RemoteResponse;
import io.ringway.federation.TargetUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.netty.tcp.TcpClient;

/**
 * A target's connections: at most {@code maxConnections} open, kept between exchanges per origin
 * and event loop, so that an exchange takes one of its own loop's without a lock or a hand-off.
 * New connections are made by Reactor Netty's {@link TcpClient} (name resolution, connect timeout,
 * TLS) on the caller's loop. When all are in use, a request waits for one up to
 * {@code acquireTimeout} (Swift's {@code conn_timeout}, as connecting), then fails with
 * {@link TargetUnavailableException}. A kept connection idle for longer than {@code maxIdle} is
 * closed instead of reused: below the idle timeouts of the servers behind targets (Jetty's 30 s,
 * Swift's 60 s), so that few are found closed just as a request is sent on them.
 */
public final class WirePool implements AutoCloseable {

    /** The longest start line and headers of an answer, and the largest body part handed on (as from storage nodes). */
    private static final int MAX_INITIAL_LINE = 8 * 1024;
    private static final int MAX_HEADERS = 64 * 1024;
    private static final int MAX_CHUNK = 64 * 1024;

    private final String target;
    private final TcpClient tcp;
    private final @Nullable TcpClient tls;
    private final LoopTimers timers;
    private final EventLoopGroup loops;
    private final List<EventLoop> loopList = new ArrayList<>();
    private final int maxConnections;
    private final Duration acquireTimeout;
    private final long maxIdleNanos;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<Origin, Map<EventLoop, ConcurrentLinkedDeque<WireChannel>>> idle = new ConcurrentHashMap<>();
    private final ConcurrentLinkedDeque<Waiter> waiters = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    /**
     * @param tcp the client that opens connections to http origins, with its connect timeout
     * @param tls the same for https origins, with the target's trust; null when it has none
     */
    public WirePool(String target, TcpClient tcp, @Nullable TcpClient tls, int maxConnections, Duration acquireTimeout,
            Duration maxIdle, LoopTimers timers) {
        this.target = requireNonNull(target, "target");
        this.tcp = requireNonNull(tcp, "tcp");
        this.tls = tls;
        this.maxConnections = maxConnections;
        this.acquireTimeout = requireNonNull(acquireTimeout, "acquireTimeout");
        this.maxIdleNanos = maxIdle.toNanos();
        this.timers = requireNonNull(timers, "timers");
        this.loops = timers.loops();
        loops.forEach(executor -> loopList.add((EventLoop) executor));
    }

    /**
     * Sends {@code head} (a full request when {@code body} is null) and {@code body} to
     * {@code origin} on one of the pool's connections; the answer once its head came, its body
     * still on the connection (see {@link WireExchange}). A request without body (its head a
     * full request with empty content) that found its kept connection closed by the target is
     * sent once more on a new one.
     */
    public Mono<RemoteResponse> exchange(Origin origin, HttpRequest head,
            @Nullable Flux<ByteBuf> body, Duration timeout, String what) {
        if (body != null) {
            return acquire(origin).flatMap(wire -> WireExchange.send(this, wire, head, body, timeout, what));
        }
        // Without a body the head is a full request with an empty (unreleasable) content: it can go out twice.
        return acquire(origin)
                .flatMap(wire -> WireExchange.send(this, wire, head, null, timeout, what))
                .onErrorResume(WireExchange.StaleConnection.class, stale -> connectNew(origin)
                        .flatMap(wire -> WireExchange.send(this, wire, head, null, timeout, what)));
    }

    LoopTimers timers() {
        return timers;
    }

    String target() {
        return target;
    }

    /**
     * A connection to {@code origin}: a kept one of the caller's event loop if there is one, else
     * a new one while fewer than the most are open, else a kept one of another loop, else the
     * first one given back or closed (within {@code acquireTimeout}). The caller's loop may be
     * another than the connection's: an exchange runs on its connection's loop.
     */
    Mono<WireChannel> acquire(Origin origin) {
        return Mono.defer(() -> {
            EventLoop current = loops.next();
            // Off the loops (a test, a blocking caller), any loop's kept connection is as good.
            boolean onLoop = current.inEventLoop();
            WireChannel kept = onLoop ? takeIdle(origin, current) : takeIdleElsewhere(origin, null);
            if (kept != null) {
                return Mono.just(kept);
            }
            if (reserve()) {
                return connect(origin);
            }
            kept = onLoop ? takeIdleElsewhere(origin, current) : null;
            if (kept != null) {
                return Mono.just(kept);
            }
            return Mono.<WireChannel>create(sink -> await(origin, sink));
        }).doOnDiscard(WireChannel.class, WireChannel::close);
    }

    /** A new connection to {@code origin} while one more may be open, else one as {@link #acquire} gives it. */
    Mono<WireChannel> connectNew(Origin origin) {
        return Mono.defer(() -> reserve() ? connect(origin) : acquire(origin));
    }

    private boolean reserve() {
        while (true) {
            int now = open.get();
            if (now >= maxConnections) {
                return false;
            }
            if (open.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    /** Opens a connection counted by {@link #reserve()} already; a failure gives the count back. */
    private Mono<WireChannel> connect(Origin origin) {
        TcpClient client = origin.https() ? requireNonNull(tls, "no TLS for " + origin.url()) : tcp;
        return client.host(origin.host())
                .port(origin.port())
                .connect()
                .doOnError(e -> closedOne())
                .map(connection -> {
                    Channel channel = connection.channel();
                    WireChannel wire = new WireChannel(this, origin, channel);
                    // Before Reactor Netty's own last handler, which so never sees the answers; added
                    // here, not in doOnConnected, which may run after the connection is handed out.
                    connection.addHandlerLast("http-codec", new HttpClientCodec(MAX_INITIAL_LINE, MAX_HEADERS, MAX_CHUNK));
                    connection.addHandlerLast("target-answers", wire);
                    channel.closeFuture().addListener(closed -> closedOne());
                    // Reactor Netty reads only on its inbound's demand; here the answers go to our handler.
                    wire.reading(true);
                    return wire;
                });
    }

    /**
     * Takes back a connection whose exchange ended cleanly: to a request waiting for one, else
     * kept. It is closed instead when the pool is closed or the connection is gone.
     */
    void release(WireChannel wire) {
        if (closed || !wire.channel().isActive()) {
            wire.close();
            return;
        }
        wire.idle(System.nanoTime());
        Waiter waiter = waiters.pollFirst();
        if (waiter != null && waiter.origin.equals(wire.origin())) {
            waiter.take(wire);
            return;
        }
        if (waiter != null) {
            // Closed: its place goes to the waiter (closedOne), on a new connection to its origin.
            waiters.offerFirst(waiter);
            wire.close();
            return;
        }
        idle.computeIfAbsent(wire.origin(), o -> new ConcurrentHashMap<>())
                .computeIfAbsent(wire.channel().eventLoop(), l -> new ConcurrentLinkedDeque<>())
                .addLast(wire);
    }

    /** A kept connection the target closed: out of the pool. */
    void forget(WireChannel wire) {
        Map<EventLoop, ConcurrentLinkedDeque<WireChannel>> byLoop = idle.get(wire.origin());
        ConcurrentLinkedDeque<WireChannel> waiting = byLoop == null ? null : byLoop.get(wire.channel().eventLoop());
        if (waiting != null) {
            waiting.remove(wire);
        }
    }

    /** The most recently used kept connection to {@code origin} on {@code loop} that may still be used, if any. */
    private @Nullable WireChannel takeIdle(Origin origin, EventLoop loop) {
        Map<EventLoop, ConcurrentLinkedDeque<WireChannel>> byLoop = idle.get(origin);
        ConcurrentLinkedDeque<WireChannel> waiting = byLoop == null ? null : byLoop.get(loop);
        if (waiting == null) {
            return null;
        }
        long now = System.nanoTime();
        WireChannel wire;
        while ((wire = waiting.pollLast()) != null) {
            if (wire.usable(now, maxIdleNanos)) {
                return wire;
            }
            wire.close();
        }
        return null;
    }

    private @Nullable WireChannel takeIdleElsewhere(Origin origin, @Nullable EventLoop skipped) {
        for (EventLoop loop : loopList) {
            WireChannel kept = loop == skipped ? null : takeIdle(origin, loop);
            if (kept != null) {
                return kept;
            }
        }
        return null;
    }

    private void await(Origin origin, MonoSink<WireChannel> sink) {
        Waiter waiter = new Waiter(origin, sink);
        waiters.addLast(waiter);
        Disposable timeout = timers.current().schedule(() -> {
            if (waiters.remove(waiter)) {
                sink.error(new TargetUnavailableException("target " + target + ": no connection free within "
                        + acquireTimeout.toMillis() + " ms (" + maxConnections + " in use)"));
            }
        }, acquireTimeout.toMillis(), TimeUnit.MILLISECONDS);
        sink.onDispose(timeout);
        sink.onCancel(() -> waiters.remove(waiter));
        // One closed between the count and the queue: nobody else would serve the first waiting.
        Waiter first = open.get() < maxConnections ? waiters.pollFirst() : null;
        if (first != null) {
            first.take(null);
        }
    }

    /** A connection closed (or failed to open): its place goes to the first waiting request. */
    private void closedOne() {
        open.decrementAndGet();
        Waiter waiter = waiters.pollFirst();
        if (waiter != null) {
            waiter.take(null);
        }
    }

    /** Closes the kept connections; connections given back later are closed too. */
    @Override
    public void close() {
        closed = true;
        idle.values().forEach(byLoop -> byLoop.values().forEach(waiting -> {
            WireChannel wire;
            while ((wire = waiting.pollFirst()) != null) {
                wire.close();
            }
        }));
    }

    /** A request waiting for a connection to {@code origin}; out of the queue, it is served exactly once. */
    private final class Waiter {

        private final Origin origin;
        private final MonoSink<WireChannel> sink;

        Waiter(Origin origin, MonoSink<WireChannel> sink) {
            this.origin = origin;
            this.sink = sink;
        }

        /** Gives it {@code wire}, or (null) a new connection when one may be opened, else queues it again. */
        void take(@Nullable WireChannel wire) {
            if (wire != null) {
                sink.success(wire);
            } else if (reserve()) {
                connect(origin).subscribe(sink::success, sink::error);
            } else {
                waiters.offerFirst(this);
            }
        }
    }
}
