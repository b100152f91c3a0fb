package io.ringway.federation.wire;

import static java.util.Objects.requireNonNull;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpObject;
import io.netty.util.ReferenceCountUtil;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP/1.1 connection to a target, at the end of its pipeline (after the HTTP codec). It
 * hands what the target sends to the exchange using it and waits in {@link WirePool} between
 * exchanges. It reads as long as nobody holds it back ({@link #reading}): while it waits, so that
 * a close by the target takes it out of the pool at once (an answer nobody asked for closes it);
 * while an exchange uses it, until that exchange's reader falls behind. An answer read in one go
 * so never stops reading, which costs a system call each time on epoll.
 */
final class WireChannel extends ChannelInboundHandlerAdapter {

    /** The exchange using the connection; called on its event loop. */
    interface Listener {

        /** A part of the answer; released after this returns. */
        void onMessage(HttpObject message);

        /** The end of one read from the socket (of up to 16 buffers). */
        void onReadComplete();

        /** The connection takes writes again. */
        void onWritable();

        /** The connection closed or failed ({@code error}); nothing more comes. */
        void onClosed(@Nullable Throwable error);
    }

    private final WirePool pool;
    private final Origin origin;
    private final Channel channel;
    // Written and read on the channel's event loop, but for the pool's check of a kept one.
    private volatile @Nullable Listener listener;
    private volatile boolean reused;
    private volatile long idleSinceNanos;

    WireChannel(WirePool pool, Origin origin, Channel channel) {
        this.pool = requireNonNull(pool, "pool");
        this.origin = requireNonNull(origin, "origin");
        this.channel = requireNonNull(channel, "channel");
    }

    Channel channel() {
        return channel;
    }

    Origin origin() {
        return origin;
    }

    /** Whether an earlier exchange used it: the target may have closed it meanwhile. */
    boolean reused() {
        return reused;
    }

    long idleSinceNanos() {
        return idleSinceNanos;
    }

    /** Gives the connection to an exchange. */
    void lease(Listener user) {
        listener = requireNonNull(user, "user");
    }

    /** Takes it back from its exchange, from now on a kept one (reading, whatever its exchange left). */
    void idle(long nowNanos) {
        listener = null;
        reused = true;
        idleSinceNanos = nowNanos;
        reading(true);
    }

    /** Reads from the socket as data comes ({@code true}), or stops until told again. */
    void reading(boolean on) {
        // A no-op when unchanged; a change is an epoll_ctl.
        channel.config().setAutoRead(on);
    }

    void close() {
        channel.close();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        try {
            Listener user = listener;
            if (user != null && message instanceof HttpObject http) {
                user.onMessage(http);
            } else {
                // An answer while idle: the target and we no longer agree on where the stream is.
                ctx.close();
            }
        } finally {
            ReferenceCountUtil.release(message);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        Listener user = listener;
        if (user != null) {
            user.onReadComplete();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        Listener user = listener;
        if (user != null && ctx.channel().isWritable()) {
            user.onWritable();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        Listener user = listener;
        if (user != null) {
            user.onClosed(null);
        } else {
            pool.forget(this);
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Listener user = listener;
        if (user != null) {
            user.onClosed(cause);
        }
        ctx.close();
    }

    @Override
    public String toString() {
        return origin.url() + (reused ? " (kept alive)" : "");
    }
}
