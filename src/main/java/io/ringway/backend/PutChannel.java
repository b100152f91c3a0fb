package io.ringway.backend;

import static java.util.Objects.requireNonNull;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpObject;
import io.netty.util.ReferenceCountUtil;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP/1.1 connection to an object server that carries PUTs, one at a time, and waits in
 * {@link PutChannels} between them. It sits at the end of the channel's pipeline (after the HTTP
 * codec) and hands what the node answers to the PUT using it, then releases it; while idle, an
 * answer nobody asked for closes it, and a close by the node takes it out of the pool.
 */
final class PutChannel extends ChannelInboundHandlerAdapter {

    /** The PUT using the connection. */
    interface Listener {

        /** A part of the node's answer; released after this returns. */
        void onAnswer(Object message);

        /** The connection closed or failed ({@code error}); nothing more comes. */
        void onClosed(@Nullable Throwable error);
    }

    private final PutChannels pool;
    private final String node;
    private final Channel channel;
    private volatile @Nullable Listener listener;
    private volatile boolean reused;
    // Written and read on the channel's event loop only.
    private long idleSinceNanos;

    PutChannel(PutChannels pool, String node, Channel channel) {
        this.pool = requireNonNull(pool, "pool");
        this.node = requireNonNull(node, "node");
        this.channel = requireNonNull(channel, "channel");
    }

    Channel channel() {
        return channel;
    }

    /** The node's {@code ip:port}: the pool's key. */
    String node() {
        return node;
    }

    /** Whether an earlier PUT used this connection: the node may have closed it meanwhile. */
    boolean reused() {
        return reused;
    }

    /** Gives the connection to a PUT. */
    void lease(Listener user) {
        this.listener = requireNonNull(user, "user");
    }

    /** Takes the connection back from its PUT (on the channel's event loop), from now on a kept one. */
    void idle(long nowNanos) {
        listener = null;
        reused = true;
        idleSinceNanos = nowNanos;
    }

    long idleSinceNanos() {
        return idleSinceNanos;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        try {
            Listener user = listener;
            if (user != null) {
                user.onAnswer(message);
            } else if (message instanceof HttpObject) {
                // An answer while idle: the node and we no longer agree on where the stream is.
                ctx.close();
            }
        } finally {
            ReferenceCountUtil.release(message);
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
        return node + (reused ? " (kept alive)" : "");
    }
}
