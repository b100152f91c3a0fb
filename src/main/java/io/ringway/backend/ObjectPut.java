package io.ringway.backend;

import static java.util.Objects.requireNonNull;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.ringway.swift.ObjectName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

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
 * ({@link WholeBodyPut}): read from the client first, then sent with the head in one request per
 * node, without the 100-continue round trip, keeping its outcomes.
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
    private final StorageNodes nodes;
    private final PutAnswers answers;
    private final PutWorkers workers;
    private final WholeBodyPut whole;

    public ObjectPut(StorageNodes nodes) {
        this.nodes = requireNonNull(nodes, "nodes");
        this.client = nodes.client();
        this.health = nodes.health();
        this.answers = new PutAnswers(health, client.settings());
        this.workers = new PutWorkers(health, nodes.timings());
        this.whole = new WholeBodyPut(client, health, workers, answers);
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
            Mono<ObjectResponse> stored = WholeBodyPut.applies(request)
                    ? whole.put(request, replicas, candidates, partition, outgoing, opened)
                    : Flux.fromIterable(outgoing)
                            .flatMap(headers -> connect(candidates, partition, name, headers))
                            .doOnNext(opened::add)
                            .collectList()
                            .flatMap(connections -> store(request, replicas, connections));
            return stored
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

    /** Answers without reading the body: the client's buffers are dropped (and released) unread. */
    private static Mono<ObjectResponse> refuse(ObjectPutRequest request, int status) {
        return Mono.just(ObjectResponse.bodiless(status, new HttpHeaders()));
    }

    /** One worker of Swift's {@code _connect_put_node}: the first node of the shared iterator that takes the PUT. */
    private Mono<PutConnection> connect(NodeIterator nodes, int partition, ObjectName name,
            io.netty.handler.codec.http.HttpHeaders headers) {
        return workers.firstTaker(nodes, partition, name, "Expect: 100-continue on", (node, path) ->
                PutConnection.open(client.putChannels(), node, path, headers, client.settings().nodeTimeout())
                        .flatMap(connection -> answers.admitted(connection, connection.early(), "Expect: 100-continue")));
    }

    /** Swift's {@code _get_put_responses} and the answer from them. */
    private Mono<ObjectResponse> collect(List<PutConnection> connections, int replicas) {
        return answers.collect(Flux.fromIterable(connections)
                        .filter(c -> !c.failed())
                        .flatMap(answers::finalReply), replicas)
                .map(received -> PutAnswers.answer(received, replicas));
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
