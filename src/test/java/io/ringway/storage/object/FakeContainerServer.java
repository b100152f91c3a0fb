package io.ringway.storage.object;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** A container server on port 0 that records each update and answers a configurable status. */
final class FakeContainerServer implements AutoCloseable {

    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(201);
    private final DisposableServer server;

    FakeContainerServer(int port) {
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(port)
                .handle((request, response) -> request.receive()
                        .then(Mono.defer(() -> {
                            requests.add(new Recorded(request.method().name(), request.uri(),
                                    request.requestHeaders().entries().stream().collect(Collectors.toMap(
                                            e -> e.getKey().toLowerCase(java.util.Locale.ROOT), Map.Entry::getValue,
                                            (a, b) -> a))));
                            return response.status(HttpResponseStatus.valueOf(status.get())).send().then();
                        })))
                .bindNow();
    }

    int port() {
        return server.port();
    }

    List<Recorded> requests() {
        return requests;
    }

    void answer(int code) {
        status.set(code);
    }

    @Override
    public void close() {
        server.disposeNow();
    }

    /** One update as received; header names in lower case. */
    record Recorded(String method, String uri, Map<String, String> headers) {
    }
}
