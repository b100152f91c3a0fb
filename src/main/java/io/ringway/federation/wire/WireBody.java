package io.ringway.federation.wire;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;

/**
 * An answer's body as it comes off the connection, to one subscriber, only as fast as it asks:
 * what arrives before the subscriber asks for it (the head and a short body come in one read)
 * waits here, and when too much waits at the end of a read the connection stops reading
 * ({@link #backlogged()}) until the subscriber took most of it. So at most a few buffers and one
 * read's worth wait (Netty's reads of up to 16 buffers at a time), and a short answer read whole
 * in one read never stops the connection. Its state is touched on the connection's event loop only; the
 * subscriber's requests and cancel are passed there.
 */
final class WireBody extends Flux<DataBuffer> implements Subscription {

    private static final NettyDataBufferFactory BUFFERS = new NettyDataBufferFactory(ByteBufAllocator.DEFAULT);
    /**
     * Buffers waiting at the end of a read that stop the connection, and the most that may wait
     * for it to read again: a reader a little slower than the target does not stop and start it
     * at every read (each an epoll_ctl), which cost a quarter more CPU per GiB.
     */
    private static final int STOP_AT = 8;
    private static final int GO_AT = 2;

    private final WireExchange exchange;
    private final AtomicBoolean subscribed = new AtomicBoolean();
    private final ArrayDeque<ByteBuf> arrived = new ArrayDeque<>();
    private volatile @Nullable CoreSubscriber<? super DataBuffer> subscriber;
    private long demand;
    private boolean ended;
    private @Nullable Throwable failure;
    // Done: completed, failed or cancelled; nothing more is signalled.
    private boolean done;
    private boolean delivering;
    private boolean again;

    WireBody(WireExchange exchange) {
        this.exchange = requireNonNull(exchange, "exchange");
    }

    @Override
    public void subscribe(CoreSubscriber<? super DataBuffer> actual) {
        if (!subscribed.compareAndSet(false, true)) {
            Operators.error(actual, new IllegalStateException("a target's answer body can be read once only"));
            return;
        }
        subscriber = actual;
        actual.onSubscribe(this);
        // An empty or failed body ends without any request.
        exchange.onLoop(this::deliver);
    }

    @Override
    public void request(long n) {
        if (Operators.validate(n)) {
            exchange.onLoop(() -> {
                demand = Operators.addCap(demand, n);
                deliver();
                if (arrived.size() <= GO_AT) {
                    exchange.reading(true);
                }
            });
        }
    }

    @Override
    public void cancel() {
        exchange.onLoop(() -> {
            if (!done) {
                done = true;
                discard();
                exchange.abandon();
            }
        });
    }

    /** A part of the body (the caller keeps its own reference). */
    void arrived(ByteBuf content) {
        if (done) {
            return;
        }
        arrived.add(content.retain());
        deliver();
    }

    /** Whether so much of what came waits for the subscriber to ask that the connection should stop reading. */
    boolean backlogged() {
        return !done && arrived.size() >= STOP_AT;
    }

    /** The body's end. */
    void ended() {
        ended = true;
        deliver();
    }

    /** The body broke: what came and was not taken yet is dropped. */
    void failed(Throwable error) {
        if (ended || done || failure != null) {
            return;
        }
        failure = error;
        discard();
        deliver();
    }

    /** Drops what waits here, the subscriber gone or never to come. */
    void discard() {
        ByteBuf buffer;
        while ((buffer = arrived.poll()) != null) {
            buffer.release();
        }
    }

    /** Hands on what the subscriber asked for; re-entered from its onNext, it loops instead. */
    private void deliver() {
        if (delivering) {
            again = true;
            return;
        }
        delivering = true;
        try {
            do {
                again = false;
                CoreSubscriber<? super DataBuffer> actual = subscriber;
                if (actual == null || done) {
                    return;
                }
                if (failure != null) {
                    done = true;
                    actual.onError(failure);
                    return;
                }
                while (demand > 0 && !arrived.isEmpty() && !done) {
                    demand--;
                    actual.onNext(BUFFERS.wrap(arrived.poll()));
                }
                if (ended && arrived.isEmpty() && !done) {
                    done = true;
                    actual.onComplete();
                }
            } while (again);
        } finally {
            delivering = false;
        }
    }
}
