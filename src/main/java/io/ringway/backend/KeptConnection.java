package io.ringway.backend;

import static java.util.Objects.requireNonNull;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP/1.1 client connection that carries one request at a time and is kept in a pool
 * between them: the last handler of its channel's pipeline (after the HTTP codec). What the
 * server sends goes to the user holding the connection and is released after. While it is idle,
 * an answer nobody asked for closes it (the server and we no longer agree on where the stream
 * is), and a close by the server takes it out of its pool ({@link #closedWhileIdle}). Storage
 * nodes' PUT connections and federation targets' connections are both of this kind.
 *
 * @param <U> who uses the connection: a PUT, an exchange with a target
 */
public abstract class KeptConnection<U extends KeptConnection.User> extends ChannelInboundHandlerAdapter {

    /** Who holds the connection; called on its event loop. */
    public interface User {

        /** The connection closed or failed ({@code error}); nothing more comes. */
        void onClosed(@Nullable Throwable error);
    }

    private final Channel channel;
    // Written on the channel's event loop; read there and by a pool checking a kept one.
    private volatile @Nullable U user;
    private volatile boolean reused;
    private volatile long idleSinceNanos;

    protected KeptConnection(Channel channel) {
        this.channel = requireNonNull(channel, "channel");
    }

    public final Channel channel() {
        return channel;
    }

    /** Whether an earlier request used it: the server may have closed it meanwhile. */
    public final boolean reused() {
        return reused;
    }

    /**
     * Whether a kept connection may carry another request at {@code nowNanos}: still open, and
     * idle for less than {@code maxIdleNanos} (set below the server's own idle timeout, so that
     * few are found closed just as a request is sent on them).
     */
    public final boolean usable(long nowNanos, long maxIdleNanos) {
        return channel.isActive() && nowNanos - idleSinceNanos < maxIdleNanos;
    }

    /** Gives the connection to {@code next}. */
    public final void lease(U next) {
        user = requireNonNull(next, "user");
    }

    /** Takes it back from its user, from now on a kept one. */
    public void idle(long nowNanos) {
        user = null;
        reused = true;
        idleSinceNanos = nowNanos;
    }

    /** Who holds it now, if anyone. */
    protected final @Nullable U user() {
        return user;
    }

    /** Hands {@code message} to {@code holder}; released after this returns. */
    protected abstract void deliver(U holder, Object message);

    /** The server closed it while it was idle: out of its pool. */
    protected abstract void closedWhileIdle();

    @Override
    public final void channelRead(ChannelHandlerContext ctx, Object message) {
        try {
            U holder = user;
            if (holder != null) {
                deliver(holder, message);
            } else {
                ctx.close();
            }
        } finally {
            ReferenceCountUtil.release(message);
        }
    }

    @Override
    public final void channelInactive(ChannelHandlerContext ctx) throws Exception {
        U holder = user;
        if (holder != null) {
            holder.onClosed(null);
        } else {
            closedWhileIdle();
        }
        super.channelInactive(ctx);
    }

    @Override
    public final void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        U holder = user;
        if (holder != null) {
            holder.onClosed(cause);
        }
        ctx.close();
    }
}
