package io.ringway.backend;

import static java.util.Objects.requireNonNull;

import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpClientCodec;
import io.ringway.ring.Node;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.HttpResources;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.tcp.TcpClient;

/**
 * The proxy's one client for storage nodes: a Reactor Netty {@link HttpClient} over one shared
 * connection pool for GET and HEAD, with {@code conn_timeout} as connect timeout and
 * {@code node_timeout} for the response headers; and raw HTTP/1.1 connections for PUT, which
 * needs what {@link HttpClient} does not offer: waiting for {@code 100 Continue} before the
 * body. Like Swift's proxy, every PUT opens its own connections. {@link #close()} at shutdown.
 */
public final class StorageNodeClient implements AutoCloseable {

    private final BackendSettings settings;
    private final ConnectionProvider pool;
    private final HttpClient http;
    private final TcpClient tcp;

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
                .keepAlive(true);
        // On the HTTP server's (and HttpClient's) event loops, which Reactor Netty colocates: a
        // PUT's connections then run on the loop of the client connection that feeds them, so
        // that each body batch is written without a hand-off to (and wake-up of) another thread.
        this.tcp = TcpClient.create(ConnectionProvider.newConnection())
                .runOn(HttpResources.get())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectMillis);
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
        return http.headers(out -> headers.forEach((name, values) -> out.set(name, values)))
                .request(io.netty.handler.codec.http.HttpMethod.valueOf(method.name()))
                .uri(uri)
                .responseConnection((response, connection) -> {
                    HttpHeaders received = new HttpHeaders();
                    response.responseHeaders().forEach(e -> received.add(e.getKey(), e.getValue()));
                    return Mono.just(new BackendResponse(node, response.status().code(), received, connection));
                })
                .next()
                .timeout(headersTimeout)
                // A response that lost the race with the timeout still holds a connection.
                .doOnDiscard(BackendResponse.class, BackendResponse::dispose);
    }

    /** A new connection to the node, speaking HTTP/1.1 through Netty's client codec. */
    Mono<Connection> connect(Node node) {
        return tcp.host(node.device().ip())
                .port(node.device().port())
                .connect()
                .cast(Connection.class)
                // Added here, not in doOnConnected: that may run after the connection is handed
                // out, and a request head written before the codec is there never gets encoded.
                .doOnNext(connection -> connection.addHandlerLast("http-codec", new HttpClientCodec()));
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
