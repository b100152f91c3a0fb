package io.ringway.backend;

import static java.util.Objects.requireNonNull;

import io.netty.channel.ChannelOption;
import io.ringway.ring.Node;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The proxy's one client for storage nodes: a Reactor Netty {@link HttpClient} over one shared
 * connection pool for GET and HEAD, with {@code conn_timeout} as connect timeout and
 * {@code node_timeout} for the response headers; and raw HTTP/1.1 connections for PUT, which
 * needs what {@link HttpClient} does not offer: waiting for {@code 100 Continue} before the
 * body ({@link PutChannels}: unlike Swift's proxy, kept alive between PUTs). {@link #close()} at
 * shutdown.
 */
public final class StorageNodeClient implements AutoCloseable {

    /** The largest body buffer a node's answer is cut into: Swift's {@code network_chunk_size}. */
    static final int BODY_CHUNK_SIZE = 64 * 1024;
    /** Below the object server's {@code client_timeout} (60 s), after which it closes an idle connection. */
    private static final Duration PUT_MAX_IDLE = Duration.ofSeconds(30);
    /** Idle PUT connections kept per event loop and node. */
    private static final int PUT_MAX_IDLE_PER_NODE = 64;

    private final BackendSettings settings;
    private final ConnectionProvider pool;
    private final HttpClient http;
    private final PutChannels putChannels;
    private final LoopTimers timers = new LoopTimers();

    public StorageNodeClient(BackendSettings settings) {
        this.settings = requireNonNull(settings, "settings");
        this.pool = ConnectionProvider.builder("ringway-storage-nodes")
                .maxConnections(settings.maxConnections())
                .maxIdleTime(Duration.ofSeconds(30))
                .build();
        int connectMillis = Math.toIntExact(settings.connTimeout().toMillis());
        this.http = HttpClient.create(pool)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectMillis)
                // Swift's proxy sends backend paths as they are; no redirects, no compression.
                .followRedirect(false)
                .keepAlive(true)
                // A body arrives as buffers of up to what one read gave (64 KiB), Swift's
                // network_chunk_size, not cut into Netty's default 8 KiB pieces: a 1 GiB GET is
                // then 16 thousand buffers through the streaming chain instead of 131 thousand.
                .httpResponseDecoder(spec -> spec.maxChunkSize(BODY_CHUNK_SIZE));
        // On the HTTP server's (and HttpClient's) event loops, which Reactor Netty colocates: a
        // PUT's connections then run on the loop of the client connection that feeds them, so
        // that each body batch is written without a hand-off to (and wake-up of) another thread.
        this.putChannels = new PutChannels(timers, settings.connTimeout(), PUT_MAX_IDLE, PUT_MAX_IDLE_PER_NODE);
    }

    BackendSettings settings() {
        return settings;
    }

    /** Sends {@code method path} to the node; the response once its headers arrived (within node_timeout). */
    Mono<BackendResponse> exchange(Node node, HttpMethod method, String path, HttpHeaders headers) {
        return exchange(node, method, path, headers, settings.nodeTimeout());
    }

    /** Sends {@code method path} to the node; the response once its headers arrived within {@code headersTimeout}. */
    Mono<BackendResponse> exchange(Node node, HttpMethod method, String path, HttpHeaders headers,
            Duration headersTimeout) {
        String uri = "http://" + BackendPaths.hostPort(node.device()) + path;
        return Mono.defer(() -> http.headers(out -> headers.forEach((name, values) -> out.set(name, values)))
                .request(io.netty.handler.codec.http.HttpMethod.valueOf(method.name()))
                .uri(uri)
                .responseConnection((response, connection) -> {
                    HttpHeaders received = new HttpHeaders();
                    response.responseHeaders().forEach(e -> received.add(e.getKey(), e.getValue()));
                    return Mono.just(new BackendResponse(node, response.status().code(), received, connection,
                            timers.of(connection.channel())));
                })
                .next()
                // Set where the request is made: on its event loop, which the connection shares.
                .transform(Timeouts.within(headersTimeout, timers.current())))
                // A response that lost the race with the timeout still holds a connection.
                .doOnDiscard(BackendResponse.class, BackendResponse::dispose);
    }

    /** The connections for object PUTs, kept alive between PUTs. */
    PutChannels putChannels() {
        return putChannels;
    }

    @Override
    public void close() {
        pool.dispose();
        putChannels.close();
    }
}
