package io.ringway.backend;

import static java.util.Objects.requireNonNull;

import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.ringway.ring.Node;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.Connection;

/**
 * One object server's side of a PUT (Swift's {@code Putter}): a raw HTTP/1.1 connection on which
 * the request head goes out with {@code Expect: 100-continue}, then the body chunks, while the
 * inbound side reports the {@code 100 Continue} (or an early final answer) and the final answer.
 */
final class PutConnection {

    private final Node node;
    private final Connection connection;
    private final Sinks.One<Integer> expect = Sinks.one();
    private final Sinks.One<PutReply> reply = Sinks.one();
    private volatile int status;
    private @Nullable String etag;
    private volatile @Nullable Integer early;
    private volatile boolean failed;

    private PutConnection(Node node, Connection connection) {
        this.node = requireNonNull(node, "node");
        this.connection = requireNonNull(connection, "connection");
    }

    /**
     * Connects to {@code node}, sends the request head and waits (node_timeout) for its first
     * answer. Gives the connection whatever that answer is; on failure the connection is closed.
     */
    static Mono<PutConnection> open(StorageNodeClient client, Node node, String path, HttpHeaders headers) {
        Duration timeout = client.settings().nodeTimeout();
        return client.connect(node)
                .flatMap(connection -> {
                    PutConnection put = new PutConnection(node, connection);
                    put.listen();
                    DefaultHttpRequest head = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.PUT, path);
                    head.headers().set("Host", BackendPaths.hostPort(node.device()));
                    headers.forEach((name, values) -> head.headers().set(name, values));
                    head.headers().set("Expect", "100-continue");
                    put.write(head, timeout, failure -> {
                        if (failure != null) {
                            put.onClosed(failure);
                        }
                    });
                    return put.expect.asMono()
                            .timeout(timeout)
                            .doOnNext(status -> put.early = status == 100 ? null : status)
                            .doOnError(e -> connection.dispose())
                            // After the cancel reached the sink: closing then fails no subscriber (no onErrorDropped).
                            .doFinally(signal -> {
                                if (signal == reactor.core.publisher.SignalType.CANCEL) {
                                    connection.dispose();
                                }
                            })
                            .thenReturn(put);
                });
    }

    Node node() {
        return node;
    }

    /** The status answered instead of {@code 100 Continue} (e.g. 409, 412), or null. */
    @Nullable Integer early() {
        return early;
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
        ChannelFuture future;
        try {
            future = connection.channel().writeAndFlush(message);
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
        if (!connection.channel().isRegistered()) {
            return;
        }
        try {
            connection.channel().eventLoop().schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
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
        return reply.asMono().timeout(timeout);
    }

    /** Drops this node from the PUT: the connection is closed, so the node discards the upload. */
    void fail() {
        failed = true;
        connection.dispose();
    }

    void dispose() {
        connection.dispose();
    }

    private void listen() {
        connection.inbound()
                .receiveObject()
                .subscribe(this::onObject, this::onClosed, () -> onClosed(null));
    }

    // Inbound HTTP objects are released by Reactor Netty after this returns; only status and ETag are kept.
    private void onObject(Object message) {
        if (message instanceof HttpResponse response) {
            int code = response.status().code();
            if (code == 100) {
                expect.tryEmitValue(100);
            } else {
                status = code;
                etag = response.headers().get("ETag");
                expect.tryEmitValue(code);
            }
        }
        if (message instanceof LastHttpContent && status != 0) {
            reply.tryEmitValue(new PutReply(this, status, etag));
        }
        if (!(message instanceof HttpObject)) {
            expect.tryEmitError(new BackendBodyException("not HTTP from " + node.device() + ": " + message));
        }
    }

    private void onClosed(@Nullable Throwable error) {
        String why = error == null ? "connection closed" : error.toString();
        expect.tryEmitError(new BackendBodyException("no answer from " + BackendPaths.hostPort(node.device()) + ": "
                + why));
        reply.tryEmitError(new BackendBodyException("no final answer from " + BackendPaths.hostPort(node.device())
                + ": " + why));
    }

    @Override
    public String toString() {
        return BackendPaths.hostPort(node.device()) + "/" + node.device().device();
    }

    /** A node's final answer to the PUT. */
    record PutReply(PutConnection connection, int status, @Nullable String etag) {
    }
}
