package io.ringway.storage.object;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Schedulers;

/**
 * An object's state together with the data file it was read from, still open: the body of a GET
 * comes from the same file as its headers even when a PUT or DELETE replaces the object before the
 * body is sent (Swift's {@code DiskFile} keeps its file descriptor the same way). Whoever holds
 * it closes it, once or more; closing is idempotent because the body, the end of the exchange and
 * the answers without a body may each be the last to let go.
 */
final class OpenedObject implements AutoCloseable {

    private final ObjectState state;
    private final @Nullable FileChannel channel;
    private final AtomicBoolean closed = new AtomicBoolean();

    OpenedObject(ObjectState state, @Nullable FileChannel channel) {
        this.state = requireNonNull(state, "state");
        this.channel = channel;
    }

    ObjectState state() {
        return state;
    }

    /** The open data file of a {@link ObjectState.Present} object. */
    FileChannel channel() {
        if (channel == null) {
            throw new IllegalStateException("no data file open for " + state);
        }
        return channel;
    }

    boolean isClosed() {
        return channel == null || closed.get();
    }

    /**
     * Closes off the calling thread: a cancel arrives on an event loop, and closing a file channel
     * waits for a read still in progress on it.
     */
    void closeLater() {
        if (!isClosed()) {
            Schedulers.boundedElastic().schedule(this::close);
        }
    }

    @Override
    public void close() {
        if (channel == null || !closed.compareAndSet(false, true)) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // only read from: nothing was left to flush
        }
    }
}
