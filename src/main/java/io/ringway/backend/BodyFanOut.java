package io.ringway.backend;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import java.time.Duration;
import java.util.ArrayList;
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
import reactor.core.publisher.SignalType;
import reactor.core.publisher.Sinks;

/**
 * Writes a PUT body to every connected object server without copying it and without per-node
 * queues: client buffers are gathered until {@value #BATCH_BYTES} bytes (Swift's
 * {@code client_chunk_size}) or the end of the body, then the batch goes to every live connection
 * as one write and flush (a composite over the same memory), and the next client buffer is
 * requested only once every connection has taken the batch (written to its socket). The slowest
 * connection thus sets the pace and at most one batch per connection is in flight.
 *
 * <p>Why batches: the HTTP decoder hands out the client's body in 8 KiB pieces; a write, a flush
 * (a socket write) and a write timeout per piece and connection cost about 8 s of CPU per GiB
 * (see docs/performance.md), against about a third of that with 64 KiB batches.
 *
 * <p>A connection whose write fails or takes {@code node_timeout} is dropped; the body goes on
 * while {@code quorum} connections remain, else the transfer fails. Completes once the end of
 * the body was written to the remaining connections.
 */
final class BodyFanOut extends BaseSubscriber<DataBuffer> {

    /** Swift's proxy {@code client_chunk_size} default: what it reads from the client at once. */
    static final int BATCH_BYTES = 64 * 1024;

    private final List<PutConnection> live;
    private final int quorum;
    private final Duration writeTimeout;
    private final BiConsumer<PutConnection, String> onDrop;
    private final Sinks.Empty<Void> done = Sinks.empty();
    // Our references to the client buffers gathered and not yet sent; guarded by this.
    private final List<ByteBuf> batch = new ArrayList<>();
    private int batchBytes;
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
        boolean full;
        synchronized (this) {
            if (isDisposed()) {
                Buffers.release(buffer);
                return;
            }
            ByteBuf own = nativeBuffer(buffer);
            batch.add(own);
            batchBytes += own.readableBytes();
            full = batchBytes >= BATCH_BYTES;
        }
        if (full) {
            send();
        } else {
            request(1);
        }
    }

    @Override
    protected void hookOnComplete() {
        boolean pending;
        synchronized (this) {
            upstreamDone = true;
            if (writing) {
                return;
            }
            pending = !batch.isEmpty();
        }
        if (pending) {
            send();
        } else {
            finish();
        }
    }

    @Override
    protected void hookOnError(Throwable error) {
        done.tryEmitError(error);
    }

    @Override
    protected void hookFinally(SignalType type) {
        releaseBatch();
    }

    /** Writes the gathered batch to every live connection; the next buffer is requested once all took it. */
    private void send() {
        ByteBuf composite;
        synchronized (this) {
            writing = true;
            composite = Unpooled.wrappedBuffer(batch.size(), batch.toArray(ByteBuf[]::new));
            batch.clear();
            batchBytes = 0;
        }
        for (PutConnection target : live) {
            if (target.answered()) {
                // A final answer before the end of the body is an error (499, 408, 500...): it takes no more.
                drop(target, "answered before the end of the body");
            }
        }
        List<PutConnection> targets = List.copyOf(live);
        AtomicInteger pending = new AtomicInteger(targets.size());
        for (PutConnection target : targets) {
            // Each target gets a retained duplicate: the same memory with its own indexes and one more
            // reference, which Netty releases once the write is done or failed.
            target.write(new DefaultHttpContent(composite.retainedDuplicate()), writeTimeout, failure -> {
                if (failure != null) {
                    drop(target, "write failed: " + failure);
                }
                if (pending.decrementAndGet() == 0) {
                    batchWrittenSafely();
                }
            });
        }
        // The duplicates hold the memory until written; our own references are no longer needed.
        composite.release();
        if (targets.isEmpty()) {
            batchWritten();
        }
    }

    /** Runs in write listeners on event loops: a failure there must end the transfer, not hang it. */
    private void batchWrittenSafely() {
        try {
            batchWritten();
        } catch (RuntimeException | Error e) {
            cancel();
            done.tryEmitError(e);
        }
    }

    private void batchWritten() {
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

    private synchronized void releaseBatch() {
        batch.forEach(ByteBuf::release);
        batch.clear();
        batchBytes = 0;
    }

    private void finish() {
        for (PutConnection target : live) {
            // A fast node may have its whole (Content-Length) body and have answered, even closed,
            // while the slowest was still taking the last batch: its answer counts, and the end
            // (no bytes with a Content-Length) still goes out, so that its kept connection's HTTP
            // encoder is ready for the next request. On a closed one the write fails, harmlessly.
            target.write(LastHttpContent.EMPTY_LAST_CONTENT, writeTimeout, failure -> {
                if (failure != null && !target.answered()) {
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
     * {@link NettyDataBuffer}s. Any other kind is copied once into a buffer of our own (released with
     * the batch).
     */
    static ByteBuf nativeBuffer(DataBuffer buffer) {
        if (buffer instanceof NettyDataBuffer netty) {
            return netty.getNativeBuffer();
        }
        byte[] bytes = new byte[buffer.readableByteCount()];
        buffer.read(bytes);
        Buffers.release(buffer);
        return Unpooled.wrappedBuffer(bytes);
    }
}
