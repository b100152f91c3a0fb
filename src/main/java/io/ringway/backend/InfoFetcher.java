package io.ringway.backend;

import static java.util.Objects.requireNonNull;

import io.ringway.ring.Node;
import io.ringway.ring.Ring;
import io.ringway.swift.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Mono;

/**
 * Account and container info from the storage nodes, as Swift's {@code get_info} does it on a
 * cache miss: a {@code HEAD /device/partition/account[/container]} to the nodes of the account
 * or container ring, one at a time (primaries, then handoffs, per {@link NodeIterator}), until
 * one answers 2xx or 3xx. 404s and other errors move on; 5xx, failures and timeouts count
 * against the node's error limit and a 507 limits it; 404s and 5xx from handoffs without
 * {@code X-Backend-Timestamp} are ignored, as in Swift's {@code GetOrHeadHandler}. A good answer
 * older than a 404's {@code X-Backend-Timestamp} (a deleted database) does not count. With no
 * good answer, the info carries Swift's {@code best_response} of what was collected (404 when
 * the nodes said 404, 503 when nobody answered).
 */
public final class InfoFetcher implements InfoSource {

    private final StorageNodeClient client;
    private final NodeHealth health;
    private final NodeTimings timings;
    private final StorageNodes nodes;
    private final Supplier<Ring> accountRing;
    private final Supplier<Ring> containerRing;

    /** The rings are suppliers so that every lookup sees the latest reloaded ring. */
    public InfoFetcher(StorageNodes nodes, Supplier<Ring> accountRing, Supplier<Ring> containerRing) {
        this.nodes = requireNonNull(nodes, "nodes");
        this.client = nodes.client();
        this.health = nodes.health();
        this.timings = nodes.timings();
        this.accountRing = requireNonNull(accountRing, "accountRing");
        this.containerRing = requireNonNull(containerRing, "containerRing");
    }

    @Override
    public Mono<AccountInfo> account(String account) {
        return head(accountRing.get(), account, null, "/" + account, InfoHeaders::account);
    }

    @Override
    public Mono<ContainerInfo> container(String account, String container) {
        return head(containerRing.get(), account, container, "/" + account + "/" + container,
                InfoHeaders::container);
    }

    private <T> Mono<T> head(Ring ring, String account, @Nullable String container, String name,
            BiFunction<Integer, HttpHeaders, T> info) {
        return Mono.defer(() -> {
            int partition = ring.partition(account, container, null);
            Attempt attempt = new Attempt(partition, name,
                    nodes.iterate(ring, partition));
            return next(attempt)
                    .map(good -> info.apply(good.status, good.headers))
                    .switchIfEmpty(Mono.fromSupplier(() -> {
                        Answer best = attempt.best();
                        return info.apply(best.status, best.headers);
                    }));
        });
    }

    /** The first good answer of the remaining nodes, or empty when they ran out. */
    private Mono<Answer> next(Attempt attempt) {
        return Mono.defer(() -> {
            Node node = attempt.nodes.nextOrNull();
            if (node == null) {
                return Mono.empty();
            }
            String path = BackendPaths.quote("/" + node.device().device() + "/" + attempt.partition + attempt.name);
            long start = System.nanoTime();
            return client.exchange(node, HttpMethod.HEAD, path, new HttpHeaders())
                    .doOnNext(response -> timings.record(node.device().ip(),
                            Duration.ofNanos(System.nanoTime() - start)))
                    .flatMap(response -> response.drain(client.settings().nodeTimeout())
                            .then(Mono.justOrEmpty(judge(attempt, response))))
                    .onErrorResume(e -> {
                        health.error(node.device(), "Trying to HEAD " + path + ": " + e);
                        return Mono.empty();
                    })
                    .switchIfEmpty(Mono.defer(() -> next(attempt)));
        });
    }

    /** The answer if it is good; otherwise records it (or not, as Swift) and gives null. */
    private @Nullable Answer judge(Attempt attempt, BackendResponse response) {
        int status = response.status();
        HttpHeaders headers = response.headers();
        if (status >= 200 && status < 400) {
            return attempt.notOlderThanTombstones(headers) ? new Answer(status, headers) : null;
        }
        boolean missing = status == 404 || status >= 500;
        if (response.node().handoff() && missing && headers.getFirst("X-Backend-Timestamp") == null) {
            // Swift throws these out: the database may simply not have been replicated there.
            return null;
        }
        attempt.record(status, headers);
        if (status == 507) {
            health.limit(response.node().device(), "ERROR Insufficient Storage");
        } else if (status >= 500) {
            health.error(response.node().device(), "ERROR " + status + " Trying to HEAD " + attempt.name);
        }
        return null;
    }

    private record Answer(int status, HttpHeaders headers) {
    }

    /** One lookup's nodes and the answers collected; nodes are asked one after another. */
    private static final class Attempt {

        final int partition;
        final String name;
        final NodeIterator nodes;
        private final List<Answer> answers = new ArrayList<>();
        private Timestamp latest404 = new Timestamp(0, 0);

        Attempt(int partition, String name, NodeIterator nodes) {
            this.partition = partition;
            this.name = name;
            this.nodes = nodes;
        }

        synchronized void record(int status, HttpHeaders headers) {
            answers.add(new Answer(status, headers));
            Timestamp ts = status == 404 ? Timestamp.parseOrNull(headers.getFirst("X-Backend-Timestamp")) : null;
            if (ts != null && ts.isAfter(latest404)) {
                latest404 = ts;
            }
        }

        synchronized boolean notOlderThanTombstones(HttpHeaders source) {
            Timestamp ts = null;
            for (String header : List.of("X-Backend-Timestamp", "X-Put-Timestamp", "X-Timestamp")) {
                ts = Timestamp.parseOrNull(source.getFirst(header));
                if (ts != null) {
                    break;
                }
            }
            return ts == null ? latest404.raw() == 0 && latest404.offset() == 0 : ts.compareTo(latest404) >= 0;
        }

        synchronized Answer best() {
            List<Integer> statuses = answers.stream().map(Answer::status).toList();
            int index = BestResponse.pick(statuses, BestResponse.quorumSize(statuses.size()));
            return index < 0 ? new Answer(503, new HttpHeaders()) : answers.get(index);
        }
    }
}
