package io.ringway.backend;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.reactivestreams.Subscription;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.NettyDataBuffer;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Writes a PUT body to every connected object server without copying it and without queues:
 * one client buffer is requested at a time, written to every live connection, and the next is
 * requested only once every connection has taken the current one (written to its socket). The
 * slowest connection thus sets the pace and at most one buffer per connection is in flight.
 *
 * <p>A connection whose write fails or takes {@code node_timeout} is dropped; the body goes on
 * while {@code quorum} connections remain, else the transfer fails. Completes once the end of
 * the body was written to the remaining connections.
 */
final class BodyFanOut extends BaseSubscriber<DataBuffer> {

    private final List<PutConnection> live;
    private final int quorum;
    private final Duration writeTimeout;
    private final BiConsumer<PutConnection, String> onDrop;
    private final Sinks.Empty<Void> done = Sinks.empty();
    private boolean writing;
    private boolean upstreamDone;

    BodyFanOut(List<PutConnection> targets, int quorum, Duration writeTimeout,
            BiConsumer<PutConnection, String> onDrop) {
        this.live = new CopyOnWriteArrayList<>(requireNonNull(targets, "targets"));
        this.quorum = quorum;
        this.writeTimeout = requireNonNull(writeTimeout, "writeTimeout");
        this.onDrop = requireNonNull(onDrop, "onDrop");
    }

    /** Sends {@code body}; completes when it was all sent, errors when the client body or the quorum failed. */
    Mono<Void> transfer(Flux<DataBuffer> body) {
        return Mono.defer(() -> {
            body.subscribe(this);
            return done.asMono();
        })
                .doOnCancel(this::dispose);
    }

    /** The connections still taking the body. */
    List<PutConnection> live() {
        return List.copyOf(live);
    }

    @Override
    protected void hookOnSubscribe(Subscription subscription) {
        subscription.request(1);
    }

    @Override
    protected void hookOnNext(DataBuffer buffer) {
        synchronized (this) {
            writing = true;
        }
        for (PutConnection target : List.copyOf(live)) {
            if (target.answered()) {
                // A final answer before the end of the body is an error (499, 408, 500...): it takes no more.
                drop(target, "answered before the end of the body");
            }
        }
        List<PutConnection> targets = List.copyOf(live);
        ByteBuf shared = nativeBuffer(buffer);
        AtomicInteger pending = new AtomicInteger(targets.size());
        for (PutConnection target : targets) {
            // Each target gets a retained duplicate: the same memory with its own indexes and one more
            // reference, which Netty releases once the write is done or failed. Our own reference (the
            // buffer as the client's Flux gave it) is released in chunkWritten, after every write ended.
            target.write(new DefaultHttpContent(shared.retainedDuplicate()), writeTimeout, failure -> {
                if (failure != null) {
                    drop(target, "write failed: " + failure);
                }
                if (pending.decrementAndGet() == 0) {
                    chunkWrittenSafely(buffer, shared);
                }
            });
        }
        if (targets.isEmpty()) {
            chunkWritten(buffer, shared);
        }
    }

    @Override
    protected void hookOnComplete() {
        synchronized (this) {
            upstreamDone = true;
            if (writing) {
                return;
            }
        }
        finish();
    }

    @Override
    protected void hookOnError(Throwable error) {
        done.tryEmitError(error);
    }

    /** Runs in write listeners on event loops: a failure there must end the transfer, not hang it. */
    private void chunkWrittenSafely(DataBuffer buffer, ByteBuf shared) {
        try {
            chunkWritten(buffer, shared);
        } catch (RuntimeException | Error e) {
            cancel();
            done.tryEmitError(e);
        }
    }

    private void chunkWritten(DataBuffer buffer, ByteBuf shared) {
        if (!(buffer instanceof NettyDataBuffer)) {
            shared.release();
        }
        Buffers.release(buffer);
        if (live.size() < quorum) {
            cancel();
            done.tryEmitError(new BackendBodyException(
                    "PUT lost its quorum mid-body: " + live.size() + " of " + quorum + " connections left"));
            return;
        }
        boolean finished;
        synchronized (this) {
            writing = false;
            finished = upstreamDone;
        }
        if (finished) {
            finish();
        } else {
            request(1);
        }
    }

    private void finish() {
        for (PutConnection target : live) {
            target.write(LastHttpContent.EMPTY_LAST_CONTENT, writeTimeout, failure -> {
                if (failure != null) {
                    drop(target, "end of body failed: " + failure);
                }
            });
        }
        done.tryEmitEmpty();
    }

    private void drop(PutConnection target, String why) {
        if (live.remove(target)) {
            target.fail();
            onDrop.accept(target, why);
        }
    }

    /**
     * The Netty buffer under {@code buffer}, without copying: WebFlux on Reactor Netty hands out
     * {@link NettyDataBuffer}s. Any other kind is copied once into a buffer of our own (released in
     * chunkWritten).
     */
    private static ByteBuf nativeBuffer(DataBuffer buffer) {
        if (buffer instanceof NettyDataBuffer netty) {
            return netty.getNativeBuffer();
        }
        byte[] bytes = new byte[buffer.readableByteCount()];
        buffer.read(bytes);
        return Unpooled.wrappedBuffer(bytes);
    }
}
