package io.ringway.backend;

import static java.util.Objects.requireNonNull;

import io.netty.channel.Channel;

/**
 * One HTTP/1.1 connection to an object server that carries PUTs, one at a time, and waits in
 * {@link PutChannels} between them; it hands what the node answers to the PUT using it.
 */
final class PutChannel extends KeptConnection<PutChannel.Listener> {

    /** The PUT using the connection. */
    interface Listener extends KeptConnection.User {

        /** A part of the node's answer; released after this returns. */
        void onAnswer(Object message);
    }

    private final PutChannels pool;
    private final String node;

    PutChannel(PutChannels pool, String node, Channel channel) {
        super(channel);
        this.pool = requireNonNull(pool, "pool");
        this.node = requireNonNull(node, "node");
    }

    /** The node's {@code ip:port}: the pool's key. */
    String node() {
        return node;
    }

    @Override
    protected void deliver(Listener put, Object message) {
        put.onAnswer(message);
    }

    @Override
    protected void closedWhileIdle() {
        pool.forget(this);
    }

    @Override
    public String toString() {
        return node + (reused() ? " (kept alive)" : "");
    }
}
