package io.ringway.storage.node;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;

/**
 * Times every request a storage server answers: {@code ringway.node.requests} by server, method
 * and status class (Swift's {@code <server>.<method>.timing} statsd metrics). Tags come from
 * bounded sets only: a method Swift's servers do not know counts as {@code OTHER}.
 */
final class NodeRequestMetrics implements HttpHandler {

    private static final Set<String> METHODS =
            Set.of("GET", "HEAD", "PUT", "POST", "DELETE", "REPLICATE", "SSYNC", "UPDATE", "OPTIONS");

    private final HttpHandler delegate;
    private final MeterRegistry meters;
    private final String server;
    private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

    NodeRequestMetrics(HttpHandler delegate, MeterRegistry meters, ServerType server) {
        this.delegate = requireNonNull(delegate, "delegate");
        this.meters = requireNonNull(meters, "meters");
        this.server = server.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public Mono<Void> handle(ServerHttpRequest request, ServerHttpResponse response) {
        long start = System.nanoTime();
        String method = METHODS.contains(request.getMethod().name()) ? request.getMethod().name() : "OTHER";
        return delegate.handle(request, response).doFinally(signal -> {
            HttpStatusCode status = response.getStatusCode();
            timers.computeIfAbsent(new Key(method, statusClass(status)), this::timer)
                    .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        });
    }

    private Timer timer(Key key) {
        return Timer.builder("ringway.node.requests")
                .description("Requests answered by the storage node's servers, until the last body byte")
                .tags("server", server, "method", key.method(), "status", key.statusClass())
                .register(meters);
    }

    private static String statusClass(HttpStatusCode status) {
        // No status set means the handler ended without one: Netty sends 200.
        int code = status == null ? 200 : status.value();
        return code >= 100 && code < 600 ? code / 100 + "xx" : "OTHER";
    }

    private record Key(String method, String statusClass) {
    }
}
