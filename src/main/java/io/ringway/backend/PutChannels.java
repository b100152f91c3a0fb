package io.ringway.backend;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.HttpClientCodec;
import io.ringway.ring.Device;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.netty.http.HttpResources;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.tcp.TcpClient;

/**
 * The connections that carry object PUTs, kept alive between PUTs. Swift's proxy opens a new
 * connection to each object server for every PUT; Swift's object servers (and Ringway's) keep a
 * connection open after a PUT answered in full, so Ringway reuses it: three TCP handshakes and
 * closes fewer per PUT, which were most of a small PUT's cost in the gateway (see
 * docs/performance.md).
 *
 * <p>New connections are made by Reactor Netty's {@link TcpClient} (name resolution, connect
 * timeout) on the HTTP server's event loops, colocated: a PUT's connections run on the loop of
 * the client connection that feeds them. Idle connections are kept per event loop and node and
 * touched only on their loop, so taking one needs no lock and no hand-off. A connection idle for
 * longer than {@code maxIdle} (below the object server's 60 s {@code client_timeout}, after which
 * it closes an idle connection) is closed instead of reused, and at most {@code maxIdlePerNode}
 * wait per loop and node. A node that closed a kept connection just as a PUT took it makes that
 * PUT retry once on a new one ({@link PutConnection}).
 */
final class PutChannels implements AutoCloseable {

    private final TcpClient tcp;
    private final EventLoopGroup loops;
    private final List<EventLoop> loopList = new ArrayList<>();
    private final long maxIdleNanos;
    private final int maxIdlePerNode;
    // Per event loop, its idle connections by node; the inner maps are touched on their loop only.
    private final Map<EventLoop, Map<String, ArrayDeque<PutChannel>>> idle = new ConcurrentHashMap<>();
    private final LoopTimers timers;
    private volatile boolean closed;

    PutChannels(LoopTimers timers, Duration connTimeout, Duration maxIdle, int maxIdlePerNode) {
        this.timers = timers;
        this.loops = timers.loops();
        loops.forEach(executor -> loopList.add((EventLoop) executor));
        this.tcp = TcpClient.create(ConnectionProvider.newConnection())
                .runOn(HttpResources.get())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(connTimeout.toMillis()));
        this.maxIdleNanos = maxIdle.toNanos();
        this.maxIdlePerNode = maxIdlePerNode;
    }

    /**
     * A connection to {@code device}'s server on the current event loop (any loop when not on
     * one): a kept one if there is one, else a new one. Emits on the connection's loop.
     */
    Mono<PutChannel> acquire(Device device) {
        return Mono.defer(() -> {
            String node = BackendPaths.hostPort(device);
            EventLoop current = loops.next();
            if (current.inEventLoop()) {
                PutChannel kept = takeIdle(current, node);
                return kept != null ? Mono.just(kept) : connect(device, node);
            }
            // Not on one of our loops (a test, a blocking caller): always the same loop for a node,
            // so that its kept connections are found again.
            EventLoop chosen = loopList.get(Math.floorMod(node.hashCode(), loopList.size()));
            return Mono.fromCallable(() -> takeIdle(chosen, node))
                    .subscribeOn(timers.of(chosen))
                    .switchIfEmpty(Mono.defer(() -> connect(device, node)));
        });
    }

    /** A new connection to {@code device}'s server, never a kept one. */
    Mono<PutChannel> connect(Device device) {
        return connect(device, BackendPaths.hostPort(device));
    }

    private Mono<PutChannel> connect(Device device, String node) {
        return tcp.host(device.ip())
                .port(device.port())
                .connect()
                .map(connection -> {
                    Channel channel = connection.channel();
                    PutChannel put = new PutChannel(this, node, channel);
                    // Before Reactor Netty's own last handler, which so never sees the answers.
                    // Added here, not in doOnConnected: that may run after the connection is handed
                    // out, and a request head written before the codec is there is never encoded.
                    connection.addHandlerLast("http-codec", new HttpClientCodec());
                    connection.addHandlerLast("put-answers", put);
                    // Reactor Netty reads only on its inbound's demand; here the answers go to our handler.
                    channel.config().setAutoRead(true);
                    return put;
                });
    }

    /**
     * Takes back a connection whose PUT was answered in full; the caller no longer uses it. It is
     * closed instead when the pool is closed or full, or the connection is gone.
     */
    void release(PutChannel put) {
        EventLoop loop = put.channel().eventLoop();
        if (!loop.inEventLoop()) {
            try {
                loop.execute(() -> release(put));
            } catch (RejectedExecutionException e) {
                put.channel().close();
            }
            return;
        }
        if (closed || !put.channel().isActive()) {
            put.channel().close();
            return;
        }
        put.idle(System.nanoTime());
        ArrayDeque<PutChannel> waiting = idle.computeIfAbsent(loop, l -> new HashMap<>())
                .computeIfAbsent(put.node(), n -> new ArrayDeque<>());
        if (waiting.size() >= maxIdlePerNode) {
            waiting.pollFirst().channel().close();
        }
        waiting.addLast(put);
    }

    /** An idle connection the node closed: out of the pool (on its loop). */
    void forget(PutChannel put) {
        Map<String, ArrayDeque<PutChannel>> byNode = idle.get(put.channel().eventLoop());
        ArrayDeque<PutChannel> waiting = byNode == null ? null : byNode.get(put.node());
        if (waiting != null) {
            waiting.remove(put);
        }
    }

    /** The most recently used idle connection to {@code node} on {@code loop} that may still be used, if any. */
    private @Nullable PutChannel takeIdle(EventLoop loop, String node) {
        Map<String, ArrayDeque<PutChannel>> byNode = idle.get(loop);
        ArrayDeque<PutChannel> waiting = byNode == null ? null : byNode.get(node);
        if (waiting == null) {
            return null;
        }
        long now = System.nanoTime();
        PutChannel put;
        while ((put = waiting.pollLast()) != null) {
            if (put.usable(now, maxIdleNanos)) {
                return put;
            }
            put.channel().close();
        }
        return null;
    }

    /**
     * The timers of {@code channel}'s event loop, as a scheduler: a PUT's timeouts are set and
     * cancelled on the loop its answers arrive on, where that is a queue operation, where the
     * parallel scheduler's took a lock and woke one of its threads each time.
     */
    Scheduler timers(Channel channel) {
        return timers.of(channel);
    }

    /** Closes the idle connections; connections released later are closed too. */
    @Override
    public void close() {
        closed = true;
        idle.forEach((loop, byNode) -> {
            try {
                loop.execute(() -> {
                    byNode.values().forEach(waiting -> waiting.forEach(put -> put.channel().close()));
                    byNode.clear();
                });
            } catch (RejectedExecutionException e) {
                // The loop is shutting down: its channels close with it.
            }
        });
    }
}
