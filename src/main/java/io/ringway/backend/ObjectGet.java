package io.ringway.backend;

import static java.util.Objects.requireNonNull;

import io.ringway.ring.Node;
import io.ringway.swift.ObjectName;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * GET and HEAD of an object across its replicas, as Swift 2.30's {@code GetOrHeadHandler}.
 *
 * <p>Nodes come from a {@link NodeIterator} and are tried one at a time until one gives a good
 * answer (2xx, 3xx, or 416). 404s, other client errors, 5xx, connect failures and timeouts
 * (no headers within {@code recoverable_node_timeout}, or {@code node_timeout} for
 * {@code X-Newest}, as Swift) move on to the next node; 5xx, failures and timeouts count against
 * the node's error limit, a 507 limits it at once, and 404s and 5xx from handoffs without {@code X-Backend-Timestamp} are
 * ignored. When no node was good, the answer is Swift's {@code best_response} of what was
 * collected (404 when the nodes said 404, 503 when nobody answered).
 *
 * <p>The body streams from the backend connection to the caller. When the node stalls (nothing
 * for {@code recoverable_node_timeout}) or breaks, the next node is asked with a {@code Range}
 * starting after the bytes already sent; a node whose {@code ETag} differs is refused. The
 * caller thus gets every byte once, or an error when no node could resume (the API layer then
 * aborts the client connection). A caller that cancels the body closes the backend connection.
 */
public final class ObjectGet {

    private static final Logger LOG = LoggerFactory.getLogger(ObjectGet.class);

    private final StorageNodeClient client;
    private final NodeHealth health;
    private final NodeTimings timings;
    private final StorageNodes nodes;

    public ObjectGet(StorageNodes nodes) {
        this.nodes = requireNonNull(nodes, "nodes");
        this.client = nodes.client();
        this.health = nodes.health();
        this.timings = nodes.timings();
    }

    /** The response for {@code request}; its body streams from the chosen node. */
    public Mono<ObjectResponse> get(ObjectGetRequest request) {
        return Mono.defer(() -> {
            ObjectName name = request.name();
            int partition = request.ring().partition(name.account(), name.container(), name.object());
            NodeIterator candidates = nodes.iterate(request.ring(), partition, request.policyIndex());
            GetAttempt attempt = new GetAttempt(request, partition, candidates);
            Mono<BackendResponse> found = attempt.newest() ? findNewest(attempt) : findSource(attempt);
            return found
                    .flatMap(source -> respond(attempt, source))
                    .switchIfEmpty(Mono.fromSupplier(attempt::best));
        });
    }

    private Mono<ObjectResponse> respond(GetAttempt attempt, BackendResponse source) {
        attempt.useSource(source.headers());
        if (attempt.request.method().equals(HttpMethod.HEAD)) {
            return source.drain(client.settings().nodeTimeout())
                    .thenReturn(ObjectResponse.bodiless(source.status(), source.headers()));
        }
        Flux<DataBuffer> body = stream(attempt, source)
                .doOnDiscard(DataBuffer.class, Buffers::release);
        return Mono.just(new ObjectResponse(source.status(), source.headers(), body));
    }

    /**
     * {@code X-Newest: true}: every node is asked (primaries, then handoffs), and of the good
     * sources not older than the newest tombstone the one with the newest timestamp is used, as
     * Swift's {@code GetOrHeadHandler} with {@code newest}; the others are closed unread.
     */
    private Mono<BackendResponse> findNewest(GetAttempt attempt) {
        return findSource(attempt)
                .expand(found -> findSource(attempt))
                .collectList()
                .flatMap(sources -> {
                    BackendResponse newest = null;
                    for (BackendResponse source : sources) {
                        boolean usable = attempt.notOlderThanTombstones(source.headers());
                        if (usable && (newest == null || GetAttempt.sourceTimestamp(source.headers())
                                .compareTo(GetAttempt.sourceTimestamp(newest.headers())) > 0)) {
                            newest = source;
                        }
                    }
                    for (BackendResponse source : sources) {
                        if (source != newest) {
                            source.dispose();
                        }
                    }
                    return Mono.justOrEmpty(newest);
                });
    }

    /** The next good source, or empty when the nodes ran out. */
    private Mono<BackendResponse> findSource(GetAttempt attempt) {
        return Mono.defer(() -> {
            Node node = attempt.nextNode();
            if (node == null) {
                return Mono.empty();
            }
            String path = BackendPaths.objectPath(node.device(), attempt.partition, attempt.request.name());
            long start = System.nanoTime();
            return client.exchange(node, attempt.request.method(), path, attempt.backendHeaders(),
                            headersTimeout(attempt))
                    .doOnNext(response -> timings.record(node.device().ip(),
                            Duration.ofNanos(System.nanoTime() - start)))
                    .flatMap(response -> judge(attempt, response))
                    .onErrorResume(e -> {
                        health.error(node.device(), "Trying to " + attempt.request.method() + " " + path + ": " + e);
                        return Mono.empty();
                    })
                    .switchIfEmpty(Mono.defer(() -> findSource(attempt)));
        });
    }

    /**
     * Swift's GetOrHeadHandler waits {@code recoverable_node_timeout} for an object node's
     * headers too, since another replica can answer instead; {@code X-Newest} asks for every
     * node's answer, so it waits the full {@code node_timeout}.
     */
    private Duration headersTimeout(GetAttempt attempt) {
        return attempt.newest()
                ? client.settings().nodeTimeout()
                : client.settings().recoverableNodeTimeout();
    }

    /** The response if it is a source to use; otherwise records it, drains it and gives empty. */
    private Mono<BackendResponse> judge(GetAttempt attempt, BackendResponse response) {
        int status = response.status();
        HttpHeaders headers = response.headers();
        Mono<Void> drain = response.drain(client.settings().nodeTimeout());
        if (status >= 200 && status < 400 || status == 416) {
            if (attempt.etagDiffers(headers)) {
                LOG.info("Refusing {} to resume {}: ETag {} differs", response, attempt.request.name(),
                        headers.getFirst(HttpHeaders.ETAG));
                attempt.record(404, new HttpHeaders());
                return drain.then(Mono.empty());
            }
            if (attempt.notOlderThanTombstones(headers)) {
                attempt.record(status, headers);
                return Mono.just(response);
            }
            return drain.then(Mono.empty());
        }
        boolean missing = status == 404 || status >= 500;
        if (response.node().handoff() && missing && headers.getFirst("X-Backend-Timestamp") == null) {
            // Swift ignores 404s and 5xx from handoffs unless the object really was there and deleted.
            return drain.then(Mono.empty());
        }
        attempt.record(status, headers);
        if (status == 507) {
            health.limit(response.node().device(), "ERROR Insufficient Storage");
        } else if (status >= 500) {
            health.error(response.node().device(), "ERROR " + status + " From Object Server");
        }
        return drain.then(Mono.empty());
    }

    /** The source's body, resumed from the next node when it stalls or breaks. */
    private Flux<DataBuffer> stream(GetAttempt attempt, BackendResponse source) {
        // Only 200 and 206 bodies are the object's bytes; a 304 may carry the object's length and no body.
        boolean objectBytes = source.status() == 200 || source.status() == 206;
        long expected = objectBytes ? source.headers().getContentLength() : -1;
        long[] received = {0};
        return DemandedTimeout.apply(source.body(), client.settings().recoverableNodeTimeout(), source.timers())
                .doOnNext(buffer -> {
                    received[0] += buffer.readableByteCount();
                    attempt.sent(buffer.readableByteCount());
                })
                .concatWith(Mono.defer(() -> expected >= 0 && received[0] < expected
                        ? Mono.error(new BackendBodyException("body ended after " + received[0] + " of "
                                + expected + " bytes"))
                        : Mono.empty()))
                .doFinally(signal -> {
                    // A body not read to its end must not go back to the pool: close it (client cancel too).
                    if (signal != SignalType.ON_COMPLETE) {
                        source.dispose();
                    }
                })
                .onErrorResume(e -> objectBytes ? resume(attempt, source, e) : Flux.error(e));
    }

    private Flux<DataBuffer> resume(GetAttempt attempt, BackendResponse broken, Throwable cause) {
        health.error(broken.node().device(), "Trying to read object during GET: " + cause);
        ResumeRange.Result range = attempt.fastForward();
        if (range.outcome() == ResumeRange.Outcome.COMPLETE) {
            return Flux.empty();
        }
        if (range.outcome() != ResumeRange.Outcome.RESUME) {
            return Flux.error(new BackendBodyException("cannot resume " + attempt.request.name() + " ("
                    + range.outcome() + "): " + cause));
        }
        LOG.info("Resuming {} with Range {} after {} from {}", attempt.request.name(), range.range(), cause,
                broken);
        return findSource(attempt)
                .switchIfEmpty(Mono.error(() -> new BackendBodyException(
                        "no node left to resume " + attempt.request.name() + " after: " + cause)))
                .flatMapMany(next -> stream(attempt, next));
    }
}
