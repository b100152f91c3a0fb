package io.ringway.backend;

import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServer;

/**
 * A storage node that misbehaves on purpose, on a free loopback port: it serves an object whose
 * body dies or stalls after some bytes, never answers, or answers a fixed status without reading
 * the request body. It records the requests' {@code Range} headers and counts open connections.
 */
final class FakeNode implements AutoCloseable {

    private final DisposableServer server;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<io.netty.handler.codec.http.HttpHeaders> headers = new CopyOnWriteArrayList<>();

    private FakeNode(Behaviour behaviour) {
        this.server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                // Per TCP connection: doOnConnection runs per HTTP request on a kept-alive one.
                .doOnChannelInit((observer, channel, address) -> {
                    open.incrementAndGet();
                    accepted.incrementAndGet();
                    channel.closeFuture().addListener(closed -> open.decrementAndGet());
                })
                .handle((request, response) -> {
                    requests.add(request.method() + " " + request.requestHeaders().get("Range"));
                    headers.add(request.requestHeaders().copy());
                    return behaviour.answer(request, response);
                })
                .bindNow();
    }

    /** Sends headers for all of {@code content} with {@code etag}, then {@code cut} bytes, then breaks the connection. */
    static FakeNode dyingAfter(byte[] content, String etag, int cut) {
        return new FakeNode((request, response) -> object(response, content, etag)
                .send(Flux.just(Unpooled.wrappedBuffer(content, 0, cut))
                        .concatWith(Mono.error(new IllegalStateException("fake node dies mid-body")))));
    }

    /** Sends headers for all of {@code content}, then {@code cut} bytes, then nothing ever again. */
    static FakeNode stallingAfter(byte[] content, String etag, int cut) {
        return new FakeNode((request, response) -> object(response, content, etag)
                .send(Flux.just(Unpooled.wrappedBuffer(content, 0, cut))
                        .concatWith(Flux.never())));
    }

    /** Serves all of {@code content} (ignoring Range) with {@code etag}: another version of the object. */
    static FakeNode serving(byte[] content, String etag) {
        return new FakeNode((request, response) -> object(response, content, etag)
                .send(Mono.just(Unpooled.wrappedBuffer(content))));
    }

    /** Takes a PUT (sends {@code 100 Continue}), reads {@code buffers} body buffers, then breaks the connection. */
    static FakeNode dyingMidPut(int buffers) {
        return new FakeNode((request, response) -> request.receive()
                .take(buffers)
                .then(Mono.<Void>error(new IllegalStateException("fake node dies mid-PUT"))));
    }

    /** Takes a PUT (sends {@code 100 Continue}), reads the whole body and answers 201 with {@code etag}. */
    static FakeNode accepting(String etag) {
        return new FakeNode((request, response) -> request.receive()
                .then(Mono.defer(() -> response.status(201)
                        .header("ETag", etag)
                        .header("Content-Length", "0")
                        .send()
                        .then())));
    }

    /**
     * As {@link #accepting(String)} for the first request on each connection; a later request on
     * a kept connection closes it unanswered, as an object server whose idle timeout fired just
     * as the request came.
     */
    static FakeNode acceptingOnePerConnection(String etag) {
        io.netty.util.AttributeKey<Boolean> used = io.netty.util.AttributeKey.valueOf("ringway-fake-used");
        return new FakeNode((request, response) -> {
            boolean[] again = {false};
            request.withConnection(connection -> again[0] = connection.channel().attr(used).getAndSet(true) != null);
            if (again[0]) {
                request.withConnection(connection -> connection.channel().close());
                return Mono.never();
            }
            return request.receive()
                    .then(Mono.defer(() -> response.status(201)
                            .header("ETag", etag)
                            .header("Content-Length", "0")
                            .send()
                            .then()));
        });
    }

    /** Takes a PUT (sends {@code 100 Continue}), reads one body buffer and then nothing more, ever. */
    static FakeNode stallingMidPut() {
        return new FakeNode((request, response) -> request.receive()
                .concatMap(buffer -> Mono.never(), 1)
                .then());
    }

    /** Accepts connections and requests and never answers. */
    static FakeNode silent() {
        return new FakeNode((request, response) -> Mono.never());
    }

    /** Answers {@code status} with a short body, without reading the request body. */
    static FakeNode answering(int status) {
        return new FakeNode((request, response) -> response.status(status)
                .header("Content-Type", "text/plain")
                .sendString(Mono.just("fake " + status)));
    }

    int port() {
        return server.port();
    }

    /** Connections open now. */
    int openConnections() {
        return open.get();
    }

    int acceptedConnections() {
        return accepted.get();
    }

    /** {@code "METHOD range"} of each request received. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    /** The headers of each request received. */
    List<io.netty.handler.codec.http.HttpHeaders> headers() {
        return List.copyOf(headers);
    }

    @Override
    public void close() {
        server.disposeNow();
    }

    private static HttpServerResponse object(HttpServerResponse response, byte[] content, String etag) {
        return response.status(200)
                .header("Content-Length", Integer.toString(content.length))
                .header("Content-Type", "application/octet-stream")
                .header("ETag", etag)
                .header("X-Timestamp", "1795322275.64300")
                .header("X-Backend-Timestamp", "1795322275.64300");
    }

    @FunctionalInterface
    private interface Behaviour {
        org.reactivestreams.Publisher<Void> answer(HttpServerRequest request, HttpServerResponse response);
    }
}
