package io.ringway.middleware.copy;

import io.netty.buffer.PooledByteBufAllocator;
import io.ringway.api.error.GatewayException;
import io.ringway.middleware.MiddlewareChain;
import io.ringway.middleware.RequestContext;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.core.io.buffer.PooledDataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * The rest of the pipeline behind the copy stage, as Swift's {@code FakeSwift}: objects in
 * memory, GET answered with a body streamed in pooled Netty buffers made as they are asked for
 * (a storage node's connection), PUT read through and stored, every call recorded.
 */
final class FakeSwift implements MiddlewareChain {

    static final String LAST_MODIFIED = "Wed, 01 Jan 2025 00:00:00 GMT";

    final List<Call> calls = new ArrayList<>();
    final Map<String, Stored> objects = new HashMap<>();
    final Map<String, Integer> failures = new HashMap<>();
    final List<SignalType> sourceEnds = new ArrayList<>();
    private final List<DataBuffer> made = new ArrayList<>();
    private final NettyDataBufferFactory buffers = new NettyDataBufferFactory(PooledByteBufAllocator.DEFAULT);
    int chunk = 4;
    boolean withoutLength;
    @Nullable Integer putRefusal;
    boolean putFailsAfterReading;
    boolean putStallsAfterFirstBuffer;

    /** One request the fake got. */
    record Call(String method, String path, @Nullable String query, HttpHeaders headers, RequestContext context) {
    }

    /** A stored object. */
    record Stored(HttpHeaders headers, byte[] body) {
    }

    /** Stores an object with these extra headers (name, value pairs). */
    void object(String path, String body, String... headers) {
        object(path, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    void object(String path, byte[] body, String... headers) {
        HttpHeaders all = new HttpHeaders();
        all.set(HttpHeaders.CONTENT_TYPE, "text/plain");
        for (int i = 0; i < headers.length; i += 2) {
            all.set(headers[i], headers[i + 1]);
        }
        objects.put(path, new Stored(all, body));
    }

    @Override
    public Mono<Void> next(ServerWebExchange exchange) {
        String path = UriUtils.decode(exchange.getRequest().getURI().getRawPath(), StandardCharsets.UTF_8);
        String method = exchange.getRequest().getMethod().name();
        calls.add(new Call(method, path, exchange.getRequest().getURI().getRawQuery(),
                HttpHeaders.copyOf(exchange.getRequest().getHeaders()), RequestContext.of(exchange)));
        ServerHttpResponse response = exchange.getResponse();
        Integer failure = failures.get(method + " " + path);
        if (failure != null) {
            return Mono.error(GatewayException.status(failure));
        }
        return switch (method) {
            case "GET" -> get(response, path, exchange.getRequest().getHeaders().getFirst(HttpHeaders.RANGE));
            case "PUT" -> put(exchange, path);
            case "OPTIONS" -> {
                response.setStatusCode(HttpStatus.OK);
                response.getHeaders().set(HttpHeaders.ALLOW, "HEAD, GET, PUT, POST, OPTIONS, DELETE");
                yield response.setComplete();
            }
            default -> {
                response.setStatusCode(HttpStatus.NO_CONTENT);
                yield response.setComplete();
            }
        };
    }

    private Mono<Void> get(ServerHttpResponse response, String path, @Nullable String range) {
        Stored stored = objects.get(path);
        if (stored == null) {
            // A storage node's 404 with Swift's body, as an answer rather than an exception.
            byte[] body = "<html><h1>Not Found</h1><p>The resource could not be found.</p></html>"
                    .getBytes(StandardCharsets.UTF_8);
            response.setStatusCode(HttpStatus.NOT_FOUND);
            response.getHeaders().set(HttpHeaders.CONTENT_TYPE, "text/html; charset=UTF-8");
            response.getHeaders().setContentLength(body.length);
            return response.writeWith(stream(body));
        }
        byte[] body = stored.body();
        response.getHeaders().putAll(stored.headers());
        response.getHeaders().set(HttpHeaders.ETAG, "\"" + md5(body) + "\"");
        response.getHeaders().set(HttpHeaders.LAST_MODIFIED, LAST_MODIFIED);
        response.getHeaders().set("X-Timestamp", "1735689600.00000");
        response.getHeaders().set(HttpHeaders.ACCEPT_RANGES, "bytes");
        response.setStatusCode(HttpStatus.OK);
        if (range != null && range.startsWith("bytes=")) {
            String[] bounds = range.substring(6).split("-");
            int first = Integer.parseInt(bounds[0]);
            int last = Math.min(Integer.parseInt(bounds[1]), body.length - 1);
            response.setStatusCode(HttpStatus.PARTIAL_CONTENT);
            response.getHeaders().set(HttpHeaders.CONTENT_RANGE, "bytes " + first + "-" + last + "/" + body.length);
            body = java.util.Arrays.copyOfRange(body, first, last + 1);
        }
        if (!withoutLength) {
            response.getHeaders().setContentLength(body.length);
        }
        return response.writeWith(stream(body));
    }

    private Mono<Void> put(ServerWebExchange exchange, String path) {
        if (putRefusal != null) {
            // Refused before reading the body, as a missing container is.
            return Mono.error(GatewayException.status(putRefusal));
        }
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        if (putStallsAfterFirstBuffer) {
            // A slow storage node: takes one buffer, then waits while the client goes away.
            return exchange.getRequest().getBody()
                    .concatMap(buffer -> {
                        org.springframework.core.io.buffer.DataBufferUtils.release(buffer);
                        return Mono.never();
                    })
                    .doOnDiscard(DataBuffer.class, org.springframework.core.io.buffer.DataBufferUtils::release)
                    .then();
        }
        return exchange.getRequest().getBody()
                .doOnNext(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    received.writeBytes(bytes);
                    org.springframework.core.io.buffer.DataBufferUtils.release(buffer);
                })
                .then(Mono.defer(() -> {
                    if (putFailsAfterReading) {
                        return Mono.error(GatewayException.status(503));
                    }
                    objects.put(path, new Stored(HttpHeaders.copyOf(exchange.getRequest().getHeaders()),
                            received.toByteArray()));
                    exchange.getResponse().setStatusCode(HttpStatus.CREATED);
                    exchange.getResponse().getHeaders().set(HttpHeaders.ETAG, md5(received.toByteArray()));
                    exchange.getResponse().getHeaders().setContentLength(0);
                    return exchange.getResponse().setComplete();
                }));
    }

    // Buffers are made as they are asked for, chunk by chunk.
    private Flux<DataBuffer> stream(byte[] body) {
        int count = (body.length + chunk - 1) / chunk;
        return Flux.range(0, count)
                .map(i -> buffer(body, i * chunk, Math.min(chunk, body.length - i * chunk)))
                .doFinally(sourceEnds::add);
    }

    private DataBuffer buffer(byte[] body, int offset, int length) {
        DataBuffer buffer = buffers.wrap(PooledByteBufAllocator.DEFAULT.buffer(length).writeBytes(body, offset, length));
        made.add(buffer);
        return buffer;
    }

    /** Whether every buffer the fake made has been released. */
    boolean allReleased() {
        return made.stream().noneMatch(buffer -> ((PooledDataBuffer) buffer).isAllocated());
    }

    /** The calls as {@code METHOD path}. */
    List<String> requests() {
        return calls.stream().map(call -> call.method() + " " + call.path()).toList();
    }

    Call call(int index) {
        return calls.get(index);
    }

    static String md5(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
