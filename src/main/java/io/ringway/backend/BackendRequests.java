package io.ringway.backend;

import static java.util.Objects.requireNonNull;

import io.ringway.ring.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Swift's {@code make_requests}: the same request to as many nodes as there are header sets, at
 * once, each worker walking the shared node iterator (primaries, then handoffs) until a node
 * gives an answer that is not 5xx: a 507 error-limits the node at once, other 5xx, failures and
 * timeouts count against its limit. Answers are collected until they decide
 * ({@code have_quorum}), then {@code post_quorum_timeout} longer; missing ones count as 503, and
 * the reply is {@code best_response} of them, with {@code overrides} applied when no class had a
 * quorum.
 */
public final class BackendRequests {

    private static final Logger LOG = LoggerFactory.getLogger(BackendRequests.class);

    private final StorageNodes nodes;

    public BackendRequests(StorageNodes nodes) {
        this.nodes = requireNonNull(nodes, "nodes");
    }

    /** The best of the nodes' answers to {@code request}. */
    public Mono<BackendReply> send(FanOutRequest request) {
        return Mono.defer(() -> {
            Integer policy = request.localHandoffsPolicy();
            NodeIterator candidates = policy == null
                    ? nodes.iterate(request.ring(), request.partition())
                    : nodes.iterateLocalHandoffsFirst(request.ring(), request.partition(), policy);
            int nodeCount = request.headers().size();
            List<BackendReply> answers = Collections.synchronizedList(new ArrayList<>());
            Sinks.Empty<Void> decided = Sinks.empty();
            return Flux.fromIterable(request.headers())
                    .flatMap(headers -> ask(candidates, request, headers))
                    .doOnNext(answer -> {
                        answers.add(answer);
                        List<Integer> statuses;
                        synchronized (answers) {
                            statuses = answers.stream().map(BackendReply::status).toList();
                        }
                        if (BestResponse.haveQuorum(statuses, nodeCount)) {
                            decided.tryEmitEmpty();
                        }
                    })
                    .takeUntilOther(decided.asMono().then(Mono.delay(nodes.settings().postQuorumTimeout())))
                    .then(Mono.fromSupplier(() -> best(request, List.copyOf(answers), nodeCount)));
        });
    }

    /** One worker of {@code make_requests}: the first answer of the remaining nodes that is not 5xx. */
    private Mono<BackendReply> ask(NodeIterator candidates, FanOutRequest request, HttpHeaders headers) {
        return Mono.defer(() -> {
            Node node = candidates.nextOrNull();
            if (node == null) {
                return Mono.empty();
            }
            String path = BackendPaths.quote("/" + node.device().device() + "/" + request.partition() + request.path())
                    + (request.query() == null ? "" : "?" + request.query());
            Duration timeout = nodes.settings().nodeTimeout();
            long start = System.nanoTime();
            return nodes.client().exchange(node, request.method(), path, headers)
                    .doOnNext(response -> nodes.timings().record(node.device().ip(),
                            Duration.ofNanos(System.nanoTime() - start)))
                    .flatMap(response -> response.smallBody(timeout)
                            .map(body -> new BackendReply(response.status(), response.headers(), body)))
                    .flatMap(answer -> judge(node, request, answer))
                    .onErrorResume(e -> {
                        nodes.health().error(node.device(), "Trying to " + request.method() + " " + path + ": " + e);
                        return Mono.empty();
                    })
                    .switchIfEmpty(Mono.defer(() -> ask(candidates, request, headers)));
        });
    }

    private Mono<BackendReply> judge(Node node, FanOutRequest request, BackendReply answer) {
        if (answer.status() == 507) {
            nodes.health().limit(node.device(), "ERROR Insufficient Storage");
            return Mono.empty();
        }
        if (answer.status() >= 500) {
            nodes.health().error(node.device(), "ERROR " + answer.status() + " Trying to " + request.method() + " "
                    + request.path());
            return Mono.empty();
        }
        return Mono.just(answer);
    }

    /** {@code best_response}: missing answers are 503s; overrides only when no class has a quorum. */
    static BackendReply best(FanOutRequest request, List<BackendReply> received, int nodeCount) {
        List<BackendReply> answers = new ArrayList<>(received);
        while (answers.size() < nodeCount) {
            answers.add(BackendReply.unavailable());
        }
        int quorum = BestResponse.quorumSize(answers.size());
        List<Integer> statuses = answers.stream().map(BackendReply::status).toList();
        int index = BestResponse.pick(statuses, quorum);
        if (index >= 0) {
            return answers.get(index);
        }
        BackendReply overridden = overridden(request, answers, quorum);
        if (overridden != null) {
            return overridden;
        }
        LOG.error("{} {} returning 503 for {}", request.method(), request.path(), statuses);
        return BackendReply.unavailable();
    }

    /** The best answer with overridden statuses counted as their replacement, which is never picked itself. */
    private static @Nullable BackendReply overridden(FanOutRequest request, List<BackendReply> answers, int quorum) {
        if (request.overrides().isEmpty()) {
            return null;
        }
        List<Integer> statuses = new ArrayList<>();
        Set<Integer> madeUp = new HashSet<>();
        for (int i = 0; i < answers.size(); i++) {
            Integer replacement = request.overrides().get(answers.get(i).status());
            if (replacement != null) {
                madeUp.add(i);
            }
            statuses.add(replacement == null ? answers.get(i).status() : replacement);
        }
        int index = BestResponse.pick(statuses, quorum, madeUp);
        return index < 0 ? null : answers.get(index);
    }
}
