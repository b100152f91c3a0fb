package io.ringway.federation;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.ringway.backend.LoopTimers;
import io.ringway.federation.wire.Origin;
import io.ringway.federation.wire.WirePool;
import java.time.Duration;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One HTTP exchange with a target, whatever its API: the answer's headers must arrive within
 * {@code responseTimeout} of the request being sent (for a request with a body, of the body's
 * end), else it fails with {@link TargetUnavailableException}; the body stays on the connection
 * for the {@link RemoteResponse}'s reader. Requests go on the target's own kept connections
 * ({@link WirePool}), not through Reactor Netty's {@code HttpClient}: per forwarded request that
 * client's pool, its configuration copies and its URL parsing cost more than the rest of the
 * exchange (see docs/performance.md).
 */
public final class TargetHttp implements AutoCloseable {

    /** How long a kept connection may wait for its next request: below Jetty's (30 s) and Swift's (60 s) idle timeouts. */
    private static final Duration MAX_IDLE = Duration.ofSeconds(20);
    private static final String USER_AGENT = "ringway-federation";

    private final WirePool pool;
    private final Duration responseTimeout;

    public TargetHttp(String target, TargetLimits limits, TargetProperties.Tls tls, boolean https) {
        Duration connectTimeout = requireNonNull(limits.connectTimeout(), "connectTimeout");
        this.responseTimeout = requireNonNull(limits.responseTimeout(), "responseTimeout");
        this.pool = new WirePool(target, TargetClients.tcp(limits), https ? TargetClients.tls(limits, tls) : null,
                requireNonNull(limits.maxConnections(), "maxConnections"), connectTimeout, MAX_IDLE, new LoopTimers());
    }

    public Duration responseTimeout() {
        return responseTimeout;
    }

    /**
     * Sends {@code method} to {@code path} (already encoded, with its query) at {@code origin}
     * with the headers {@code headers} sets and {@code body} (null: none; without a
     * {@code Content-Length} it goes chunked); {@code what} names the request in failures.
     */
    public Mono<RemoteResponse> send(String method, Origin origin, String path,
            Consumer<io.netty.handler.codec.http.HttpHeaders> headers, @Nullable Flux<ByteBuf> body, String what) {
        return Mono.defer(() -> {
            io.netty.handler.codec.http.HttpHeaders out = new DefaultHttpHeaders();
            out.set(HttpHeaderNames.HOST, origin.hostHeader());
            out.set(HttpHeaderNames.USER_AGENT, USER_AGENT);
            headers.accept(out);
            HttpMethod verb = HttpMethod.valueOf(method);
            HttpRequest head;
            if (body == null) {
                if (verb.equals(HttpMethod.PUT) || verb.equals(HttpMethod.POST)) {
                    out.set(HttpHeaderNames.CONTENT_LENGTH, HttpHeaderValues.ZERO);
                }
                head = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, verb, path, Unpooled.EMPTY_BUFFER, out,
                        EmptyHttpHeaders.INSTANCE);
            } else {
                if (!out.contains(HttpHeaderNames.CONTENT_LENGTH)) {
                    out.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
                }
                head = new DefaultHttpRequest(HttpVersion.HTTP_1_1, verb, path, out);
            }
            return pool.exchange(origin, head, body, responseTimeout, what);
        }).doOnDiscard(RemoteResponse.class, RemoteResponse::dispose);
    }

    /** Closes the kept connections. */
    @Override
    public void close() {
        pool.close();
    }
}
