package io.ringway.backend;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.IllegalReferenceCountException;
import io.netty.util.ReferenceCountUtil;
import io.ringway.ring.Node;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

/**
 * One object server's side of a PUT (Swift's {@code Putter}): an HTTP/1.1 connection
 * ({@link PutChannel}) on which the request head goes out with {@code Expect: 100-continue},
 * then the body chunks, while the inbound side reports the {@code 100 Continue} (or an early
 * final answer) and the final answer. When the node answered {@code 2xx} in full and keeps the
 * connection open, {@link #finish()} gives it back to {@link PutChannels} for the next PUT;
 * otherwise the connection is closed, so an unfinished upload is discarded by the node.
 */
final class PutConnection implements PutChannel.Listener {

    private final Node node;
    private final PutChannel put;
    private final PutChannels pool;
    private final Sinks.One<Integer> expect = Sinks.one();
    private final Sinks.One<PutReply> reply = Sinks.one();
    private volatile int status;
    private volatile boolean anyAnswer;
    private volatile boolean keepAlive;
    private volatile boolean complete;
    private @Nullable String etag;
    private volatile @Nullable Integer early;
    private volatile boolean failed;
    private volatile boolean finished;
    private volatile boolean ended;

    private PutConnection(Node node, PutChannel put, PutChannels pool) {
        this.node = requireNonNull(node, "node");
        this.put = requireNonNull(put, "put");
        this.pool = requireNonNull(pool, "pool");
    }

    /**
     * Takes a connection to {@code node} (a kept one when there is one), sends the request head
     * and waits (node_timeout) for its first answer. Gives the connection whatever that answer
     * is; on failure the connection is closed. A kept connection that the node had closed
     * meanwhile (it closes before any answer) is replaced by a new one, once.
     */
    static Mono<PutConnection> open(PutChannels pool, Node node, String path, HttpHeaders headers,
            Duration timeout) {
        return pool.acquire(node.device())
                .flatMap(channel -> start(pool, channel, node, path, headers, null, timeout))
                .onErrorResume(StaleConnection.class, stale -> pool.connect(node.device())
                        .flatMap(channel -> start(pool, channel, node, path, headers, null, timeout)));
    }

    /**
     * Sends the whole request on {@code channel} (one of {@link PutChannels#acquire}), head and
     * {@code body} at once, without {@code Expect: 100-continue} (as Swift's {@code direct_client}),
     * in one write; waits (node_timeout) for the head of the final answer, whose status the
     * connection then has ({@link #status}) and whose end gives its {@link #reply}. A kept
     * connection the node had closed is replaced by a new one, once. {@code body} stays the
     * caller's: each attempt writes a retained duplicate.
     */
    static Mono<PutConnection> send(PutChannels pool, PutChannel channel, Node node, String path,
            HttpHeaders headers, ByteBuf body, Duration timeout) {
        requireNonNull(body, "body");
        return start(pool, channel, node, path, headers, body, timeout)
                .onErrorResume(StaleConnection.class, stale -> pool.connect(node.device())
                        .flatMap(fresh -> start(pool, fresh, node, path, headers, body, timeout)));
    }

    private static Mono<PutConnection> start(PutChannels pool, PutChannel channel, Node node, String path,
            HttpHeaders headers, @Nullable ByteBuf body, Duration timeout) {
        PutConnection connection = new PutConnection(node, channel, pool);
        channel.lease(connection);
        // A copy per attempt: the worker's headers serve its next node too (a handoff, a new connection),
        // while this request may still be encoding. Netty headers copy without re-validating names.
        HttpHeaders own = headers.copy();
        own.set(HttpHeaderNames.HOST, channel.node());
        HttpRequest request;
        if (body == null) {
            own.set(HttpHeaderNames.EXPECT, HttpHeaderValues.CONTINUE);
            request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.PUT, path, own);
        } else {
            ByteBuf content;
            try {
                content = body.retainedDuplicate();
            } catch (IllegalReferenceCountException e) {
                // The PUT ended (decided, cancelled) while this attempt was on its way to the node.
                connection.dispose();
                return Mono.error(new CancellationException("PUT over before " + connection + " was sent"));
            }
            request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.PUT, path,
                    content, own, EmptyHttpHeaders.INSTANCE);
        }
        connection.write(request, timeout, failure -> {
            if (failure != null) {
                connection.onClosed(failure);
            }
        });
        // With the whole body sent, the first answer is the final one: it is the reply, never "early".
        boolean expecting = body == null;
        return connection.expect.asMono()
                .transform(Timeouts.within(timeout, pool.timers(channel.channel())))
                .doOnNext(status -> connection.early = status == 100 || !expecting ? null : status)
                .doOnError(e -> connection.dispose())
                // After the cancel reached the sink: closing then fails no subscriber (no onErrorDropped).
                .doFinally(signal -> {
                    if (signal == SignalType.CANCEL) {
                        connection.dispose();
                    }
                })
                .thenReturn(connection);
    }

    Node node() {
        return node;
    }

    /** The status answered instead of {@code 100 Continue} (e.g. 409, 412), or null. */
    @Nullable Integer early() {
        return early;
    }

    /** The status of the final answer, or 0 before it came. */
    int status() {
        return status;
    }

    boolean failed() {
        return failed;
    }

    /**
     * Writes one body part or the end; {@code done} gets null once written, or the failure. Netty
     * releases {@code message} once written or failed; when the channel is gone (closed and
     * deregistered, so the write throws) it is released here. A write that takes {@code timeout}
     * (the node stopped reading) closes the connection, which fails it.
     */
    void write(Object message, Duration timeout, Consumer<@Nullable Throwable> done) {
        if (message instanceof LastHttpContent) {
            // Writes go out in order: whatever follows on this connection comes after the end.
            ended = true;
        }
        ChannelFuture future;
        try {
            future = channel().writeAndFlush(message);
        } catch (RuntimeException e) {
            ReferenceCountUtil.release(message);
            done.accept(e);
            return;
        }
        future.addListener(written -> done.accept(written.isSuccess() ? null : written.cause()));
        if (!future.isDone()) {
            schedule(() -> {
                if (!future.isDone()) {
                    fail();
                }
            }, timeout);
        }
    }

    /** Runs {@code task} on this connection's event loop after {@code delay}, unless the channel is gone. */
    private void schedule(Runnable task, Duration delay) {
        if (!channel().isRegistered()) {
            return;
        }
        try {
            channel().eventLoop().schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (IllegalStateException | RejectedExecutionException e) {
            // Deregistered or shutting down meanwhile: the pending write fails by itself.
        }
    }

    /** Whether the node gave its final answer already (before the body ended: it takes no more). */
    boolean answered() {
        return status != 0;
    }

    /** The final answer, once the body was sent; errors when the node closes or takes node_timeout. */
    Mono<PutReply> reply(Duration timeout) {
        Integer answered = early;
        if (answered != null) {
            return Mono.just(new PutReply(this, answered, null));
        }
        return reply.asMono().transform(Timeouts.within(timeout, pool.timers(channel())));
    }

    /** Drops this node from the PUT: the connection is closed, so the node discards the upload. */
    void fail() {
        failed = true;
        dispose();
    }

    /** Closes the connection. */
    void dispose() {
        finished = true;
        channel().close();
    }

    /**
     * Ends this PUT's use of the connection: kept for the next PUT when the whole request went
     * out, the node answered {@code 2xx} in full (it read the whole body) and did not ask to
     * close; else closed.
     */
    void finish() {
        if (finished) {
            return;
        }
        finished = true;
        if (!failed && ended && complete && keepAlive && early == null && status >= 200 && status < 300) {
            pool.release(put);
        } else {
            channel().close();
        }
    }

    private Channel channel() {
        return put.channel();
    }

    /** The timers of this connection's event loop. */
    Scheduler timers() {
        return pool.timers(channel());
    }

    // On the channel's event loop; the message is released by PutChannel after this returns.
    @Override
    public void onAnswer(Object message) {
        anyAnswer = true;
        if (message instanceof HttpResponse response) {
            int code = response.status().code();
            if (code == 100) {
                expect.tryEmitValue(100);
            } else {
                etag = response.headers().get("ETag");
                keepAlive = HttpUtil.isKeepAlive(response);
                status = code;
                expect.tryEmitValue(code);
            }
        }
        if (message instanceof LastHttpContent && status != 0) {
            complete = true;
            reply.tryEmitValue(new PutReply(this, status, etag));
        }
        if (!(message instanceof HttpObject)) {
            expect.tryEmitError(new BackendBodyException("not HTTP from " + node.device() + ": " + message));
        }
    }

    @Override
    public void onClosed(@Nullable Throwable error) {
        if (complete) {
            // Answered in full already: nobody waits for anything (and no exception is made for nothing).
            return;
        }
        String why = error == null ? "connection closed" : error.toString();
        if (put.reused() && !anyAnswer && !finished) {
            // A kept connection the node had closed before this PUT's head reached it: nothing was
            // taken, so the PUT tries a new connection to the same node instead of counting an error.
            expect.tryEmitError(new StaleConnection(put + ": " + why));
        } else {
            expect.tryEmitError(new BackendBodyException("no answer from " + put + ": " + why));
        }
        reply.tryEmitError(new BackendBodyException("no final answer from " + put + ": " + why));
    }

    @Override
    public String toString() {
        return put + "/" + node.device().device();
    }

    /** A node's final answer to the PUT. */
    record PutReply(PutConnection connection, int status, @Nullable String etag) {
    }

    /** A kept connection found closed by the node before it answered anything. */
    static final class StaleConnection extends RuntimeException {

        private static final long serialVersionUID = 1L;

        StaleConnection(String message) {
            super(message);
        }
    }
}
