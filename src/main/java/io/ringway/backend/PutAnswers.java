package io.ringway.backend;

import static java.util.Objects.requireNonNull;

import io.ringway.backend.PutConnection.PutReply;
import io.ringway.ring.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * What the object servers' answers to a PUT make, whichever way the body went out: a first answer
 * that sends the worker to the next node, Swift's {@code _get_put_responses} (answers until they
 * decide, then {@code post_quorum_timeout}) and its {@code best_response} with the backends' ETag.
 */
final class PutAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(PutAnswers.class);

    private final NodeHealth health;
    private final Duration nodeTimeout;
    private final Duration postQuorumTimeout;

    PutAnswers(NodeHealth health, BackendSettings settings) {
        this.health = requireNonNull(health, "health");
        this.nodeTimeout = settings.nodeTimeout();
        this.postQuorumTimeout = settings.postQuorumTimeout();
    }

    /**
     * The connection, or none when its node's first answer was 507 (which error-limits it) or
     * another 5xx (a node error): the worker then takes the next node.
     */
    Mono<PutConnection> admitted(PutConnection connection, @Nullable Integer first, String what) {
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

    /** The node's final answer, or none (an error of the node's) when it fails or takes node_timeout. */
    Mono<PutReply> finalReply(PutConnection connection) {
        return connection.reply(nodeTimeout)
                .onErrorResume(e -> {
                    health.error(connection.node().device(), "Trying to get final status of PUT: " + e);
                    return Mono.empty();
                });
    }

    /** The final answers until they decide ({@code have_quorum}), then {@code post_quorum_timeout} longer. */
    Mono<List<PutReply>> collect(Flux<PutReply> replies, int replicas) {
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        Sinks.Empty<Void> decided = Sinks.empty();
        AtomicReference<Scheduler> timers = new AtomicReference<>(Schedulers.parallel());
        return replies
                .doOnNext(reply -> {
                    statuses.add(reply.status());
                    judge(reply);
                    if (BestResponse.haveQuorum(List.copyOf(statuses), replicas)) {
                        // The delay runs on the event loop of the connection that decided.
                        timers.set(reply.connection().timers());
                        decided.tryEmitEmpty();
                    }
                })
                .takeUntilOther(decided.asMono()
                        .then(Mono.defer(() -> Mono.delay(postQuorumTimeout, timers.get()))))
                .collectList();
    }

    private void judge(PutReply reply) {
        if (reply.status() == 507) {
            health.limit(reply.connection().node().device(), "ERROR Insufficient Storage");
        } else if (reply.status() >= 500) {
            health.error(reply.connection().node().device(), "ERROR " + reply.status() + " From Object Server");
        }
    }

    /** Swift's {@code best_response} of the answers received, missing ones counted as 503. */
    static ObjectResponse answer(List<PutReply> received, int replicas) {
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
}
