package io.ringway.backend;

import static java.util.Objects.requireNonNull;

import io.ringway.ring.Node;
import io.ringway.swift.SwiftRules;
import java.time.Duration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * GET and HEAD of an account or container across its replicas, as Swift's {@code GETorHEAD_base}
 * with its {@code GetOrHeadHandler} for the account and container controllers.
 *
 * <p>Nodes come from a {@link NodeIterator} (primaries, then handoffs) and are asked one at a
 * time until one answers 2xx or 3xx; with {@code X-Newest: true} every node is asked and the
 * answer with the newest timestamp ({@code X-Backend-Data-Timestamp}, {@code X-Backend-Timestamp},
 * {@code X-Put-Timestamp}, {@code X-Timestamp}) wins. A good answer with
 * {@code X-Put-Timestamp: 0} (a replica not yet synced) counts as 404. 5xx, failures and
 * timeouts count against the node's error limit and a 507 limits it; 404s and 5xx from handoffs
 * without {@code X-Backend-Timestamp} are ignored. With no good answer, the response is Swift's
 * {@code best_response} of the answers collected (503 when there were none).
 *
 * <p>The chosen node's body (a listing) streams to the caller, {@code node_timeout} between
 * chunks; a caller that cancels it closes the connection.
 */
public final class DatabaseGet {

    private final StorageNodes nodes;

    public DatabaseGet(StorageNodes nodes) {
        this.nodes = requireNonNull(nodes, "nodes");
    }

    /** The response to {@code request}; see the class comment. */
    public Mono<DatabaseResponse> get(DatabaseGetRequest request) {
        return Mono.defer(() -> {
            int partition = request.ring().partition(request.account(), request.container(), null);
            boolean newest = SwiftRules.isTrue(request.headers().getFirst("X-Newest"));
            DatabaseAttempt attempt = new DatabaseAttempt(request, partition, nodes.iterate(request.ring(), partition),
                    newest);
            return ask(attempt)
                    .then(Mono.defer(() -> respond(attempt)));
        });
    }

    /** Asks nodes one after another until a source is found (or, for X-Newest, until none is left). */
    private Mono<Void> ask(DatabaseAttempt attempt) {
        return Mono.defer(() -> {
            if (attempt.done()) {
                return Mono.empty();
            }
            Node node = attempt.nodes.nextOrNull();
            if (node == null) {
                return Mono.empty();
            }
            String path = BackendPaths.quote("/" + node.device().device() + "/" + attempt.partition
                    + attempt.request.path())
                    + (attempt.request.query() == null ? "" : "?" + attempt.request.query());
            long start = System.nanoTime();
            return nodes.client().exchange(node, attempt.request.method(), path, attempt.request.headers())
                    .doOnNext(response -> nodes.timings().record(node.device().ip(),
                            Duration.ofNanos(System.nanoTime() - start)))
                    .flatMap(response -> judge(attempt, response))
                    .onErrorResume(e -> {
                        nodes.health().error(node.device(), "Trying to " + attempt.request.method() + " " + path
                                + ": " + e);
                        return Mono.empty();
                    })
                    .then(Mono.defer(() -> ask(attempt)));
        });
    }

    /** Keeps a good answer as a source; records (with its small body) or ignores a bad one. */
    private Mono<Void> judge(DatabaseAttempt attempt, BackendResponse response) {
        int status = response.status();
        HttpHeaders headers = response.headers();
        Duration timeout = nodes.settings().nodeTimeout();
        if (status >= 200 && status < 400) {
            if (DatabaseAttempt.unsynced(headers)) {
                attempt.record(404, new HttpHeaders(), new byte[0]);
                return response.drain(timeout);
            }
            attempt.source(response);
            return Mono.empty();
        }
        boolean missing = status == 404 || status >= 500;
        if (response.node().handoff() && missing && headers.getFirst("X-Backend-Timestamp") == null) {
            // Swift throws these out: the database may simply not have been replicated there.
            return response.drain(timeout);
        }
        if (status == 507) {
            nodes.health().limit(response.node().device(), "ERROR Insufficient Storage");
        } else if (status >= 500) {
            nodes.health().error(response.node().device(), "ERROR " + status + " From "
                    + (attempt.request.container() == null ? "Account" : "Container") + " Server");
        }
        return response.smallBody(timeout)
                .doOnNext(body -> attempt.record(status, headers, body))
                .then();
    }

    private Mono<DatabaseResponse> respond(DatabaseAttempt attempt) {
        BackendResponse source = attempt.chooseSource();
        if (source == null) {
            DatabaseAttempt.Answer best = attempt.best();
            return Mono.just(new DatabaseResponse(best.status(), best.headers(), false, Flux.empty(), best.body()));
        }
        if (attempt.request.method().equals(HttpMethod.HEAD)) {
            return source.drain(nodes.settings().nodeTimeout())
                    .thenReturn(new DatabaseResponse(source.status(), source.headers(), true, Flux.empty(),
                            new byte[0]));
        }
        // node_timeout per chunk read (Swift's ChunkReadTimeout), counted as for object bodies only
        // while the client wants data: a client slow to read a long listing is not the node's fault.
        Flux<DataBuffer> body = DemandedTimeout.apply(source.body(), nodes.settings().nodeTimeout(), source.timers())
                .doFinally(signal -> {
                    // A body not read to its end must not go back to the pool: close it (client cancel too).
                    if (signal != SignalType.ON_COMPLETE) {
                        source.dispose();
                    }
                })
                .doOnDiscard(DataBuffer.class, Buffers::release);
        return Mono.just(new DatabaseResponse(source.status(), source.headers(), true, body, new byte[0]));
    }
}
