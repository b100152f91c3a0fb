package io.ringway.federation.wire;

import static java.util.Objects.requireNonNull;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpObject;
import io.ringway.backend.KeptConnection;

/**
 * One HTTP/1.1 connection to a target. It hands what the target sends to the exchange using it
 * and waits in {@link WirePool} between exchanges. It reads as long as nobody holds it back
 * ({@link #reading}): while it waits, so that a close by the target takes it out of the pool at
 * once; while an exchange uses it, until that exchange's reader falls behind. An answer read in
 * one go so never stops reading, which costs a system call each time on epoll.
 */
final class WireChannel extends KeptConnection<WireChannel.Listener> {

    /** The exchange using the connection; called on its event loop. */
    interface Listener extends KeptConnection.User {

        /** A part of the answer; released after this returns. */
        void onMessage(HttpObject message);

        /** The end of one read from the socket (of up to 16 buffers). */
        void onReadComplete();

        /** The connection takes writes again. */
        void onWritable();
    }

    private final WirePool pool;
    private final Origin origin;

    WireChannel(WirePool pool, Origin origin, Channel channel) {
        super(channel);
        this.pool = requireNonNull(pool, "pool");
        this.origin = requireNonNull(origin, "origin");
    }

    Origin origin() {
        return origin;
    }

    /** Takes it back from its exchange, from now on a kept one (reading, whatever its exchange left). */
    @Override
    public void idle(long nowNanos) {
        super.idle(nowNanos);
        reading(true);
    }

    /** Reads from the socket as data comes ({@code true}), or stops until told again. */
    void reading(boolean on) {
        // A no-op when unchanged; a change is an epoll_ctl.
        channel().config().setAutoRead(on);
    }

    void close() {
        channel().close();
    }

    @Override
    protected void deliver(Listener exchange, Object message) {
        if (message instanceof HttpObject http) {
            exchange.onMessage(http);
        } else {
            channel().close();
        }
    }

    @Override
    protected void closedWhileIdle() {
        pool.forget(this);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        Listener exchange = user();
        if (exchange != null) {
            exchange.onReadComplete();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        Listener exchange = user();
        if (exchange != null && ctx.channel().isWritable()) {
            exchange.onWritable();
        }
    }

    @Override
    public String toString() {
        return origin.url() + (reused() ? " (kept alive)" : "");
    }
}
