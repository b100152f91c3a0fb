package io.ringway.backend;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaders;
import io.ringway.backend.PutConnection.PutReply;
import io.ringway.ring.Node;
import io.ringway.swift.ObjectName;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A small object PUT sent whole: the client's body (at most {@value BodyFanOut#BATCH_BYTES}
 * bytes, Swift's {@code client_chunk_size}, one read of its proxy's) is read first, then goes to
 * each node with its head in one request, without {@code Expect: 100-continue}, as Swift's
 * {@code direct_client} sends PUTs. That saves each node a round trip and the gateway three
 * writes, three reads and their wake-ups per PUT (docs/performance.md; docs/compatibility.md,
 * "Deliberate differences").
 *
 * <p>The 100-continue's outcomes are kept: each worker first takes a connection to the next node
 * of the shared iterator that accepts one, and without a quorum of them the answer is 503 and no
 * node got anything; then each sends its request and waits for the final answer, and a failure,
 * a timeout, 507 or 5xx take the worker to the next node, which gets the body too. A 409 (a newer
 * object is there already) answers 202, as Swift's does when it comes instead of the 100-continue.
 * Where the 100-continue decides something the body must not come before, the PUT keeps it
 * ({@link #applies}).
 */
final class WholeBodyPut {

    private static final Logger LOG = LoggerFactory.getLogger(WholeBodyPut.class);

    private final StorageNodeClient client;
    private final NodeHealth health;
    private final PutAnswers answers;
    private final PutWorkers workers;

    WholeBodyPut(StorageNodeClient client, NodeHealth health, PutWorkers workers, PutAnswers answers) {
        this.client = requireNonNull(client, "client");
        this.health = requireNonNull(health, "health");
        this.answers = requireNonNull(answers, "answers");
        this.workers = requireNonNull(workers, "workers");
    }

    /**
     * Whether {@code request} goes out whole: a body of 1 to {@value BodyFanOut#BATCH_BYTES}
     * bytes with a {@code Content-Length}, and nothing that wants the 100-continue first:
     * {@code If-None-Match} (a node that has the object must refuse before the others store it)
     * or a client's own {@code Expect: 100-continue} (it waits for the nodes before sending).
     */
    static boolean applies(ObjectPutRequest request) {
        return request.contentLength() > 0
                && request.contentLength() <= BodyFanOut.BATCH_BYTES
                && !request.headers().containsHeader(org.springframework.http.HttpHeaders.IF_NONE_MATCH)
                && !request.clientExpectsContinue();
    }

    /**
     * Stores the object through the workers' {@code outgoing} headers; every connection that sent
     * a request is added to {@code opened} (the caller finishes them).
     */
    Mono<ObjectResponse> put(ObjectPutRequest request, int replicas, NodeIterator candidates, int partition,
            List<HttpHeaders> outgoing, List<PutConnection> opened) {
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
                                return Mono.just(ObjectResponse.bodiless(503, new org.springframework.http.HttpHeaders()));
                            }
                            Flux<PutReply> replies = Flux.fromIterable(reached)
                                    .flatMap(one -> send(one, candidates, partition, name, body)
                                            .doOnNext(opened::add)
                                            .flatMap(answers::finalReply));
                            return answers.collect(replies, replicas).map(received -> received.stream()
                                    .anyMatch(reply -> reply.status() == 409)
                                    ? ObjectResponse.bodiless(202, new org.springframework.http.HttpHeaders())
                                    : PutAnswers.answer(received, replicas));
                        })
                        .doOnDiscard(Reached.class, Reached::close)
                        .doFinally(signal -> body.release()));
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

    /** A worker's connection to the first node of {@code nodes} that takes one (a kept one or a new one). */
    private Mono<Reached> reach(NodeIterator nodes, int partition, ObjectName name, HttpHeaders headers) {
        return workers.firstTaker(nodes, partition, name, "PUT connection for", (node, path) ->
                client.putChannels().acquire(node.device()).map(channel -> new Reached(node, path, headers, channel)));
    }

    /** Sends the whole PUT on {@code reached}; a failure, 507 or 5xx sends it to the worker's next node. */
    private Mono<PutConnection> send(Reached reached, NodeIterator nodes, int partition, ObjectName name,
            ByteBuf body) {
        Node node = reached.node();
        return PutConnection.send(client.putChannels(), reached.channel(), node, reached.path(), reached.headers(),
                        body, client.settings().nodeTimeout())
                // Sent whole, the first answer is the final one.
                .flatMap(connection -> answers.admitted(connection, connection.status(), "PUT"))
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
    private record Reached(Node node, String path, HttpHeaders headers, PutChannel channel) {

        /** Gives up the connection unused (no PUT went out on it). */
        void close() {
            channel.channel().close();
        }
    }
}
