package io.ringway.backend;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.ringway.backend.PutConnection.PutReply;
import io.ringway.ring.Node;
import io.ringway.swift.ObjectName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * A replicated object PUT, as Swift 2.30's {@code ReplicatedObjectController._store_object}.
 *
 * <p>One connection per primary is opened at once, each with {@code Expect: 100-continue}. The
 * workers share one {@link NodeIterator} ({@code iter_nodes_local_first}: under the policy's
 * {@code write_affinity}, local primaries and handoffs first): a worker whose node refuses, times out, answers 507
 * (which error-limits it) or 5xx takes the next node, so handoffs replace failed primaries. With
 * fewer than Swift's quorum ({@code (n + 1) // 2}) of connections the answer is 503 and no body
 * byte was read from the client; an early 412 (with {@code If-None-Match: *}) or 409 from any node
 * answers 412 or 202 as in Swift. The body then goes to every connection through
 * {@link BodyFanOut} (shared buffers, the slowest connection sets the pace, a failed node is
 * dropped while a quorum remains). Final answers are collected until they decide
 * ({@code have_quorum}), then {@code post_quorum_timeout} longer; the answer is Swift's
 * {@code best_response} with missing answers counted as 503, and the backends' ETag.
 *
 * <p>A body of at most 64 KiB with a {@code Content-Length} goes out whole instead
 * ({@link #sentWhole}): read from the client first, then sent with the head in one request per
 * node, without the 100-continue round trip, keeping its outcomes (see
 * {@link #sendWhole}; docs/compatibility.md, "Deliberate differences").
 *
 * <p>Whatever happens, every connection is closed at the end, except those whose node answered
 * {@code 2xx} in full, which are kept for the next PUT ({@link PutChannels}); when the client's
 * body fails or the caller cancels, the unfinished uploads are thereby discarded by the object
 * servers.
 */
public final class ObjectPut {

    private static final Logger LOG = LoggerFactory.getLogger(ObjectPut.class);

    private final StorageNodeClient client;
    private final NodeHealth health;
    private final NodeTimings timings;
    private final StorageNodes nodes;

    public ObjectPut(StorageNodes nodes) {
        this.nodes = requireNonNull(nodes, "nodes");
        this.client = nodes.client();
        this.health = nodes.health();
        this.timings = nodes.timings();
    }

    /** Stores the object; the answer's headers carry the ETag on success. */
    public Mono<ObjectResponse> put(ObjectPutRequest request) {
        return Mono.defer(() -> {
            ObjectName name = request.name();
            int partition = request.ring().partition(name.account(), name.container(), name.object());
            int replicas = request.ring().primaryNodes(partition).size();
            NodeIterator candidates = nodes.iterateLocalFirst(request.ring(), partition, request.policyIndex());
            List<io.netty.handler.codec.http.HttpHeaders> outgoing = outgoingHeaders(request, replicas);
            List<PutConnection> opened = Collections.synchronizedList(new ArrayList<>());
            if (sentWhole(request)) {
                return sendWhole(request, replicas, candidates, partition, outgoing, opened);
            }
            return Flux.fromIterable(outgoing)
                    .flatMap(headers -> connect(candidates, partition, name, headers))
                    .doOnNext(opened::add)
                    .collectList()
                    .flatMap(connections -> store(request, replicas, connections))
                    // Before the answer goes on: the next PUT (maybe the same client's) finds them kept.
                    .doOnNext(answer -> finishAll(opened))
                    .doOnDiscard(DataBuffer.class, Buffers::release)
                    // Swift closes every putter when done; an unfinished upload is thereby discarded.
                    // A connection whose node answered 2xx in full is kept for the next PUT instead.
                    .doFinally(signal -> finishAll(opened));
        });
    }

    private static void finishAll(List<PutConnection> opened) {
        List<PutConnection> all;
        synchronized (opened) {
            all = List.copyOf(opened);
        }
        all.forEach(PutConnection::finish);
    }

    private Mono<ObjectResponse> store(ObjectPutRequest request, int replicas, List<PutConnection> connections) {
        Set<Integer> early = new TreeSet<>();
        connections.forEach(c -> {
            Integer status = c.early();
            if (status != null) {
                early.add(status);
            }
        });
        boolean ifNoneMatchStar = request.headers().getOrEmpty(HttpHeaders.IF_NONE_MATCH).stream()
                .anyMatch(v -> v.contains("*"));
        if (ifNoneMatchStar && early.contains(412)) {
            return refuse(request, 412);
        }
        if (early.contains(409)) {
            // A newer object (or tombstone) is there already: Swift answers 202.
            return refuse(request, 202);
        }
        int quorum = BestResponse.quorumSize(replicas);
        if (connections.size() < quorum) {
            LOG.error("Object PUT returning 503, {}/{} required connections", connections.size(), quorum);
            return refuse(request, 503);
        }
        List<PutConnection> sending = connections.stream()
                .filter(c -> c.early() == null)
                .toList();
        BodyFanOut fanOut = new BodyFanOut(sending, quorum, client.settings().nodeTimeout(),
                (connection, why) -> health.error(connection.node().device(),
                        "ERROR while sending body to object server: " + why));
        return fanOut.transfer(request.body())
                .then(Mono.defer(() -> collect(connections, replicas)));
    }

    /**
     * The client's body as one buffer over its own buffers (no copy); an error when it ends short of
     * {@code length} (the client went away: 499).
     */
    private static Mono<ByteBuf> whole(Flux<DataBuffer> body, long length) {
        return body.map(BodyFanOut::nativeBuffer)
                .collectList()
                .doOnDiscard(ByteBuf.class, ByteBuf::release)
                .flatMap(parts -> {
                    ByteBuf joined = parts.size() == 1
                            ? parts.get(0)
                            : Unpooled.wrappedBuffer(parts.size(), parts.toArray(ByteBuf[]::new));
                    if (joined.readableBytes() != length) {
                        int got = joined.readableBytes();
                        joined.release();
                        return Mono.error(new IllegalStateException(
                                "client body ended after " + got + " of " + length + " bytes"));
                    }
                    return Mono.just(joined);
                });
    }

    /** Answers without reading the body: the client's buffers are dropped (and released) unread. */
    private static Mono<ObjectResponse> refuse(ObjectPutRequest request, int status) {
        return Mono.just(ObjectResponse.bodiless(status, new HttpHeaders()));
    }

    /** One worker of Swift's {@code _connect_put_node}: the first node of the shared iterator that takes the PUT. */
    private Mono<PutConnection> connect(NodeIterator nodes, int partition, ObjectName name,
            io.netty.handler.codec.http.HttpHeaders headers) {
        return Mono.defer(() -> {
            Node node = nodes.nextOrNull();
            if (node == null) {
                return Mono.empty();
            }
            String path = BackendPaths.objectPath(node.device(), partition, name);
            long start = System.nanoTime();
            return PutConnection.open(client.putChannels(), node, path, headers, client.settings().nodeTimeout())
                    .flatMap(connection -> {
                        timings.record(node.device().ip(), Duration.ofNanos(System.nanoTime() - start));
                        return admitted(connection, connection.early(), "Expect: 100-continue");
                    })
                    .onErrorResume(e -> {
                        health.error(node.device(), "Expect: 100-continue on " + path + ": " + e);
                        return Mono.empty();
                    })
                    .switchIfEmpty(Mono.defer(() -> connect(nodes, partition, name, headers)));
        });
    }

    /**
     * The connection, or none when its node's first answer was 507 (which error-limits it) or
     * another 5xx (a node error): the worker then takes the next node.
     */
    private Mono<PutConnection> admitted(PutConnection connection, @Nullable Integer first, String what) {
        Node node = connection.node();
        if (first != null && first == 507) {
            health.limit(node.device(), "ERROR Insufficient Storage");
            connection.dispose();
            return Mono.empty();
        }
        if (first != null && first >= 500) {
            health.error(node.device(), "ERROR " + first + " " + what + " From Object Server");
            connection.dispose();
            return Mono.empty();
        }
        return Mono.just(connection);
    }

    /** Swift's {@code _get_put_responses} and the answer from them. */
    private Mono<ObjectResponse> collect(List<PutConnection> connections, int replicas) {
        return collect(Flux.fromIterable(connections)
                .filter(c -> !c.failed())
                .flatMap(this::finalReply), replicas)
                .map(received -> answer(received, replicas));
    }

    /** The node's final answer, or none (an error of the node's) when it fails or takes node_timeout. */
    private Mono<PutReply> finalReply(PutConnection connection) {
        return connection.reply(client.settings().nodeTimeout())
                .onErrorResume(e -> {
                    health.error(connection.node().device(), "Trying to get final status of PUT: " + e);
                    return Mono.empty();
                });
    }

    /** The final answers until they decide ({@code have_quorum}), then {@code post_quorum_timeout} longer. */
    private Mono<List<PutReply>> collect(Flux<PutReply> replies, int replicas) {
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        Sinks.Empty<Void> decided = Sinks.empty();
        AtomicReference<Scheduler> timers = new AtomicReference<>(Schedulers.parallel());
        return replies
                .doOnNext(reply -> {
                    statuses.add(reply.status());
                    judge(reply);
                    if (BestResponse.haveQuorum(List.copyOf(statuses), replicas)) {
                        timers.set(reply.connection().timers());
                        decided.tryEmitEmpty();
                    }
                })
                .takeUntilOther(decided.asMono()
                        .then(Mono.defer(() -> Mono.delay(client.settings().postQuorumTimeout(), timers.get()))))
                .collectList();
    }

    /**
     * Whether the PUT goes out whole, without {@code Expect: 100-continue}: a body of at most
     * {@value BodyFanOut#BATCH_BYTES} bytes (Swift's {@code client_chunk_size}, one read of the
     * proxy's) is read from the client first and sent to each node with its head in one write,
     * which saves each node a round trip and the gateway three writes, three reads and their
     * wake-ups per PUT (see docs/performance.md). Not when the 100-continue decides something:
     * {@code If-None-Match} (a node that has the object must refuse before the others store it)
     * or a client that asked for {@code Expect: 100-continue} itself (it waits to send the body
     * until the nodes took the PUT).
     */
    static boolean sentWhole(ObjectPutRequest request) {
        return request.contentLength() > 0
                && request.contentLength() <= BodyFanOut.BATCH_BYTES
                && !request.headers().containsHeader(HttpHeaders.IF_NONE_MATCH)
                && !request.headers().containsHeader(HttpHeaders.EXPECT);
    }

    /**
     * A PUT whose whole body is read first. As for a 100-continue, each worker first takes a
     * connection to the next node of the shared iterator that accepts one, and without a quorum of
     * them the answer is 503 and no node got anything; then each sends head and body in one write
     * and waits for the final answer, and a failure, 507 or 5xx there take the worker to the next
     * node, which gets the body too. The answers are collected as {@link #collect} does. A 409 (a
     * newer object is there already) answers 202, as Swift's does when it comes instead of the
     * 100-continue.
     */
    private Mono<ObjectResponse> sendWhole(ObjectPutRequest request, int replicas, NodeIterator candidates,
            int partition, List<io.netty.handler.codec.http.HttpHeaders> outgoing, List<PutConnection> opened) {
        int quorum = BestResponse.quorumSize(replicas);
        ObjectName name = request.name();
        return whole(request.body(), request.contentLength())
                .flatMap(body -> Flux.fromIterable(outgoing)
                        .flatMap(headers -> reach(candidates, partition, name, headers))
                        .collectList()
                        .flatMap(reached -> {
                            if (reached.size() < quorum) {
                                reached.forEach(Reached::close);
                                LOG.error("Object PUT returning 503, {}/{} required connections", reached.size(), quorum);
                                return Mono.just(ObjectResponse.bodiless(503, new HttpHeaders()));
                            }
                            Flux<PutReply> replies = Flux.fromIterable(reached)
                                    .flatMap(one -> send(one, candidates, partition, name, body)
                                            .doOnNext(opened::add)
                                            .flatMap(this::finalReply));
                            return collect(replies, replicas).map(received -> received.stream()
                                    .anyMatch(reply -> reply.status() == 409)
                                    ? ObjectResponse.bodiless(202, new HttpHeaders())
                                    : answer(received, replicas));
                        })
                        .doOnDiscard(Reached.class, Reached::close)
                        .doFinally(signal -> body.release()))
                .doOnNext(answer -> finishAll(opened))
                .doFinally(signal -> finishAll(opened));
    }

    /** A worker's connection to the first node of {@code nodes} that takes one (a kept one or a new one). */
    private Mono<Reached> reach(NodeIterator nodes, int partition, ObjectName name,
            io.netty.handler.codec.http.HttpHeaders headers) {
        return Mono.defer(() -> {
            Node node = nodes.nextOrNull();
            if (node == null) {
                return Mono.empty();
            }
            String path = BackendPaths.objectPath(node.device(), partition, name);
            long start = System.nanoTime();
            return client.putChannels().acquire(node.device())
                    .map(channel -> {
                        timings.record(node.device().ip(), Duration.ofNanos(System.nanoTime() - start));
                        return new Reached(node, path, headers, channel);
                    })
                    .onErrorResume(e -> {
                        health.error(node.device(), "PUT connection for " + path + ": " + e);
                        return Mono.empty();
                    })
                    .switchIfEmpty(Mono.defer(() -> reach(nodes, partition, name, headers)));
        });
    }

    /** Sends the whole PUT on {@code reached}; a failure, 507 or 5xx sends it to the worker's next node. */
    private Mono<PutConnection> send(Reached reached, NodeIterator nodes, int partition, ObjectName name,
            ByteBuf body) {
        Node node = reached.node();
        return PutConnection.send(client.putChannels(), reached.channel(), node, reached.path(), reached.headers(),
                        body, client.settings().nodeTimeout())
                // Sent whole, the first answer is the final one.
                .flatMap(connection -> admitted(connection, connection.status(), "PUT"))
                .onErrorResume(e -> {
                    if (!(e instanceof CancellationException)) {
                        health.error(node.device(), "PUT to " + reached.path() + ": " + e);
                    }
                    return Mono.empty();
                })
                .switchIfEmpty(Mono.defer(() -> reach(nodes, partition, name, reached.headers())
                        .flatMap(next -> send(next, nodes, partition, name, body))));
    }

    /** A worker's node and the connection it took, not used yet. */
    private record Reached(Node node, String path, io.netty.handler.codec.http.HttpHeaders headers,
            PutChannel channel) {

        /** Gives up the connection unused (no PUT went out on it). */
        void close() {
            channel.channel().close();
        }
    }

    private void judge(PutReply reply) {
        if (reply.status() == 507) {
            health.limit(reply.connection().node().device(), "ERROR Insufficient Storage");
        } else if (reply.status() >= 500) {
            health.error(reply.connection().node().device(), "ERROR " + reply.status() + " From Object Server");
        }
    }

    private static ObjectResponse answer(List<PutReply> received, int replicas) {
        List<Integer> statuses = new ArrayList<>();
        Set<String> etags = new TreeSet<>();
        for (PutReply reply : received) {
            statuses.add(reply.status());
            String etag = GetAttempt.normalizeEtag(reply.etag());
            if (reply.status() >= 200 && reply.status() < 300 && etag != null) {
                etags.add(etag);
            }
        }
        while (statuses.size() < replicas) {
            statuses.add(503);
        }
        if (etags.size() > 1) {
            LOG.error("Object servers returned {} mismatched etags", etags.size());
            return ObjectResponse.bodiless(500, new HttpHeaders());
        }
        int best = BestResponse.pick(statuses, BestResponse.quorumSize(statuses.size()));
        if (best < 0) {
            LOG.error("Object PUT returning 503 for {}", statuses);
            return ObjectResponse.bodiless(503, new HttpHeaders());
        }
        HttpHeaders headers = new HttpHeaders();
        if (!etags.isEmpty()) {
            // Set as text: HttpHeaders.setETag would first initialize Spring's ETag class (and its logger) on an event loop.
            headers.set(HttpHeaders.ETAG, "\"" + etags.iterator().next() + "\"");
        }
        return ObjectResponse.bodiless(statuses.get(best), headers);
    }

    /**
     * The request headers of each PUT worker, as Netty headers (cheap to copy per connection, and
     * written as they are). The container update headers replace any of the same name.
     */
    private static List<io.netty.handler.codec.http.HttpHeaders> outgoingHeaders(ObjectPutRequest request,
            int replicas) {
        List<HttpHeaders> container = request.container() == null
                ? Collections.nCopies(replicas, new HttpHeaders())
                : ContainerUpdateHeaders.assign(replicas, replicas, request.container());
        DefaultHttpHeaders common = new DefaultHttpHeaders();
        request.headers().forEach(common::add);
        common.remove(HttpHeaders.CONTENT_LENGTH);
        common.remove(HttpHeaders.TRANSFER_ENCODING);
        common.remove(HttpHeaders.EXPECT);
        // RFC 7231 forbids 100-continue without a body, so Swift sends an empty body chunked.
        if (request.contentLength() > 0) {
            common.set(HttpHeaders.CONTENT_LENGTH, request.contentLength());
        } else {
            common.set(HttpHeaders.TRANSFER_ENCODING, "chunked");
        }
        common.set("X-Backend-Storage-Policy-Index", request.policyIndex());
        List<io.netty.handler.codec.http.HttpHeaders> outgoing = new ArrayList<>();
        for (int i = 0; i < replicas; i++) {
            io.netty.handler.codec.http.HttpHeaders headers = common.copy();
            container.get(i).forEach(headers::set);
            outgoing.add(headers);
        }
        return outgoing;
    }
}
