package io.ringway.federation.wire;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.ringway.backend.DemandedTimeout;
import io.ringway.federation.RemoteResponse;
import io.ringway.federation.TargetUnavailableException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.publisher.Operators;

/**
 * One request to a target and its answer, on one {@link WireChannel}: the head, then the body
 * (if any) as fast as the connection takes it, then the answer. The answer's head must come
 * within {@code timeout} of the request's end; its body then stalls for at most that long while
 * its reader wants more. The connection goes back to the pool when the whole request went out
 * and the whole answer came in, and the target keeps it open; otherwise it is closed. All of its
 * state is touched on the connection's event loop.
 */
final class WireExchange implements WireChannel.Listener, RemoteResponse.Body {

    private final WirePool pool;
    private final WireChannel wire;
    private final HttpRequest head;
    private final @Nullable Upload upload;
    private final Duration timeout;
    private final String what;
    private @Nullable MonoSink<RemoteResponse> sink;
    private @Nullable WireBody answer;
    private @Nullable ScheduledFuture<?> headTimer;
    private boolean begun;
    private boolean sent;
    private boolean answered;
    private boolean informational;
    private boolean complete;
    private boolean keepAlive;
    private boolean anyAnswer;
    // The sink has had its signal (or was cancelled).
    private boolean headOver;
    // The connection was given back or closed: this exchange no longer touches it.
    private boolean over;

    private WireExchange(WirePool pool, WireChannel wire, HttpRequest head, @Nullable Flux<ByteBuf> body,
            Duration timeout, String what) {
        this.pool = pool;
        this.wire = wire;
        this.head = head;
        this.upload = body == null ? null : new Upload(body);
        this.timeout = timeout;
        this.what = what;
    }

    /**
     * Sends {@code head} (a full request when {@code body} is null) and {@code body} on
     * {@code wire}; the answer once its head came. A kept connection found closed before anything
     * came back fails a request without body with {@link StaleConnection}: it may be sent again.
     */
    static Mono<RemoteResponse> send(WirePool pool, WireChannel wire, HttpRequest head, @Nullable Flux<ByteBuf> body,
            Duration timeout, String what) {
        requireNonNull(head, "head");
        WireExchange exchange = new WireExchange(pool, wire, head, body, timeout, what);
        return Mono.create(sink -> {
            exchange.sink = sink;
            sink.onCancel(() -> exchange.onLoop(exchange::cancelled));
            exchange.onLoop(exchange::begin);
        });
    }

    /** Runs {@code task} on the connection's event loop: now when already there. */
    void onLoop(Runnable task) {
        if (wire.channel().eventLoop().inEventLoop()) {
            task.run();
            return;
        }
        try {
            wire.channel().eventLoop().execute(task);
        } catch (RejectedExecutionException e) {
            // Shutting down: the channel closes with its loop.
        }
    }

    private void begin() {
        if (headOver) {
            // Cancelled before anything was sent: the connection is as it was.
            over = true;
            pool.release(wire);
            return;
        }
        begun = true;
        wire.lease(this);
        if (!wire.channel().isActive()) {
            onClosed(null);
            return;
        }
        if (upload == null) {
            wire.channel().writeAndFlush(head).addListener(failedWrite());
            requestSent();
        } else {
            // Flushed with the first part of the body: one write for a small request.
            wire.channel().write(head).addListener(failedWrite());
            upload.start();
        }
    }

    private ChannelFutureListener failedWrite() {
        return written -> {
            if (!written.isSuccess()) {
                onClosed(written.cause());
            }
        };
    }

    private void requestSent() {
        sent = true;
        headTimer = wire.channel().eventLoop().schedule(() -> fail(new TargetUnavailableException("target "
                + pool.target() + ": " + what + ": no answer within " + timeout.toMillis() + " ms")),
                timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void cancelled() {
        if (headOver) {
            return;
        }
        headOver = true;
        if (!begun) {
            // begin() gives the connection back.
            return;
        }
        abandon();
    }

    @Override
    public void onMessage(HttpObject message) {
        if (over) {
            return;
        }
        anyAnswer = true;
        if (message.decoderResult().isFailure()) {
            fail(new IOException("target " + pool.target() + ": " + what + ": not an HTTP answer: "
                    + message.decoderResult().cause()));
            return;
        }
        if (message instanceof HttpResponse response) {
            onHead(response);
        }
        if (message instanceof HttpContent content) {
            WireBody body = answer;
            if (informational || body == null) {
                // The end of an interim (1xx) answer, which has no body.
                informational = informational && !(message instanceof LastHttpContent);
                return;
            }
            if (content.content().isReadable()) {
                body.arrived(content.content());
            }
            if (message instanceof LastHttpContent) {
                complete = true;
                // The connection first goes back: whoever the body's end wakes finds it kept.
                finish();
                body.ended();
            }
        }
    }

    private void onHead(HttpResponse response) {
        int status = response.status().code();
        informational = status < 200;
        if (informational || answered) {
            return;
        }
        answered = true;
        cancelHeadTimer();
        keepAlive = HttpUtil.isKeepAlive(response);
        // A copy: a view over Netty's headers (Netty4HeadersAdapter) measured no cheaper, its
        // iteration building name sets where the readers iterate.
        HttpHeaders headers = new HttpHeaders();
        response.headers().forEach(header -> headers.add(header.getKey(), header.getValue()));
        answer = new WireBody(this);
        if (!headOver) {
            headOver = true;
            requireNonNull(sink, "sink").success(RemoteResponse.streaming(status, headers, this));
        }
    }

    @Override
    public void onReadComplete() {
        WireBody body = answer;
        if (body != null && body.backlogged()) {
            reading(false);
        }
    }

    /** Resumes ({@code true}) or stops reading the answer: its reader took all that came, or not. */
    void reading(boolean on) {
        if (!over) {
            wire.reading(on);
        }
    }

    @Override
    public void onWritable() {
        if (upload != null) {
            upload.writable();
        }
    }

    @Override
    public void onClosed(@Nullable Throwable error) {
        if (over || complete) {
            return;
        }
        String why = error == null ? "connection closed" : error.toString();
        if (wire.reused() && !anyAnswer && upload == null) {
            fail(new StaleConnection("target " + pool.target() + ": kept connection " + wire + " closed: " + why));
        } else {
            fail(new IOException("target " + pool.target() + ": " + what + ": " + why
                    + (answered ? " in the middle of the answer" : " before the answer")));
        }
    }

    /** The whole answer came: the connection is kept when the whole request went out and the target keeps it. */
    private void finish() {
        if (!stop()) {
            return;
        }
        if (sent && keepAlive) {
            pool.release(wire);
        } else {
            wire.close();
        }
    }

    private void fail(Throwable error) {
        if (!stop()) {
            return;
        }
        if (!headOver) {
            headOver = true;
            requireNonNull(sink, "sink").error(error);
        } else if (answer != null) {
            answer.failed(error);
        }
        wire.close();
    }

    /** Nobody reads the answer (any more): what came is dropped, and an unfinished exchange closes its connection. */
    void abandon() {
        if (answer != null) {
            answer.discard();
        }
        if (stop()) {
            wire.close();
        }
    }

    /**
     * Ends this exchange's use of the connection, once: no answer timer, no more of the body sent;
     * the caller then gives the connection back or closes it. False when it had ended already.
     */
    private boolean stop() {
        if (over) {
            return false;
        }
        over = true;
        cancelHeadTimer();
        if (upload != null && !sent) {
            // A body sent whole is not cancelled: its source (the client's request) ended cleanly.
            upload.cancel();
        }
        return true;
    }

    private void cancelHeadTimer() {
        ScheduledFuture<?> timer = headTimer;
        if (timer != null) {
            timer.cancel(false);
            headTimer = null;
        }
    }

    // The answer's body, for RemoteResponse.

    @Override
    public Flux<DataBuffer> read() {
        WireBody body = requireNonNull(answer, "answer");
        return DemandedTimeout.apply(body, timeout, pool.timers().of(wire.channel()));
    }

    @Override
    public Mono<Void> drain() {
        return read().doOnNext(DataBufferUtils::release).then().onErrorResume(e -> Mono.empty());
    }

    @Override
    public void close() {
        onLoop(this::abandon);
    }

    @Override
    public String toString() {
        return what + " on " + wire;
    }

    /**
     * The request's body, taken from its source one part at a time while the connection takes
     * writes, so that a slow target slows the client down instead of filling memory.
     */
    private final class Upload implements CoreSubscriber<ByteBuf> {

        private final Flux<ByteBuf> source;
        private final AtomicBoolean awaitingWritable = new AtomicBoolean();
        private volatile @Nullable Subscription subscription;
        private volatile boolean stopped;

        Upload(Flux<ByteBuf> source) {
            this.source = source;
        }

        void start() {
            source.subscribe(this);
        }

        @Override
        public void onSubscribe(Subscription s) {
            if (Operators.validate(subscription, s)) {
                subscription = s;
                if (stopped) {
                    s.cancel();
                } else {
                    s.request(1);
                }
            }
        }

        @Override
        public void onNext(ByteBuf part) {
            if (stopped) {
                part.release();
                return;
            }
            wire.channel().writeAndFlush(new DefaultHttpContent(part)).addListener(failedWrite());
            if (wire.channel().isWritable()) {
                requireNonNull(subscription, "subscription").request(1);
                return;
            }
            awaitingWritable.set(true);
            // Writable again before the flag was up: nobody else would ask for the next part.
            if (wire.channel().isWritable()) {
                writable();
            }
        }

        /** The connection drained what was written: the next part. */
        void writable() {
            Subscription s = subscription;
            if (s != null && awaitingWritable.compareAndSet(true, false)) {
                s.request(1);
            }
        }

        @Override
        public void onError(Throwable error) {
            onLoop(() -> fail(error));
        }

        @Override
        public void onComplete() {
            onLoop(() -> {
                if (over || stopped) {
                    return;
                }
                stopped = true;
                wire.channel().writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(failedWrite());
                requestSent();
            });
        }

        void cancel() {
            stopped = true;
            Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }
    }

    /** A kept connection the target had closed before it answered anything: the request may be sent again. */
    static final class StaleConnection extends IOException {

        private static final long serialVersionUID = 1L;

        StaleConnection(String message) {
            super(message);
        }
    }
}
