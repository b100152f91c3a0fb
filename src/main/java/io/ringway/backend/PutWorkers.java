package io.ringway.backend;

import static java.util.Objects.requireNonNull;

import io.ringway.ring.Node;
import io.ringway.swift.ObjectName;
import java.time.Duration;
import java.util.function.BiFunction;
import reactor.core.publisher.Mono;

/**
 * The loop of one of Swift's PUT workers ({@code _connect_put_node}): the PUT goes to the next node
 * of the iterator the workers share until one takes it. A node that fails is error-counted and
 * passed over; the time a node took to take the PUT feeds {@code sorting_method = timing}.
 */
final class PutWorkers {

    private final NodeHealth health;
    private final NodeTimings timings;

    PutWorkers(NodeHealth health, NodeTimings timings) {
        this.health = requireNonNull(health, "health");
        this.timings = requireNonNull(timings, "timings");
    }

    /**
     * What {@code attempt} gives for the first node of {@code nodes} where it gives anything; empty
     * once the nodes run out. {@code attempt} gets the node and the object's path on it; its
     * failure is logged against the node as {@code what} the path.
     */
    <T> Mono<T> firstTaker(NodeIterator nodes, int partition, ObjectName name, String what,
            BiFunction<Node, String, Mono<T>> attempt) {
        return Mono.defer(() -> {
            Node node = nodes.nextOrNull();
            if (node == null) {
                return Mono.empty();
            }
            String path = BackendPaths.objectPath(node.device(), partition, name);
            long start = System.nanoTime();
            return attempt.apply(node, path)
                    .doOnNext(taken -> timings.record(node.device().ip(), Duration.ofNanos(System.nanoTime() - start)))
                    .onErrorResume(e -> {
                        health.error(node.device(), what + " " + path + ": " + e);
                        return Mono.empty();
                    })
                    .switchIfEmpty(Mono.defer(() -> firstTaker(nodes, partition, name, what, attempt)));
        });
    }
}
