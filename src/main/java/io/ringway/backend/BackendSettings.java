package io.ringway.backend;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * The proxy's options for talking to storage nodes, named after Swift's {@code proxy-server.conf}
 * options, with Swift 2.30's defaults ({@link #defaults()}).
 *
 * @param connTimeout {@code conn_timeout}: time to open a connection to a node (0.5 s)
 * @param nodeTimeout {@code node_timeout}: time to wait for a node's response headers, and for
 *     each write of a PUT body (10 s)
 * @param recoverableNodeTimeout {@code recoverable_node_timeout}: time without body data from a
 *     node before a GET resumes from another node, and time to wait for an object node's headers
 *     on GET and HEAD without {@code X-Newest} (defaults to {@code node_timeout})
 * @param postQuorumTimeout {@code post_quorum_timeout}: once a PUT has a quorum, how long the
 *     other nodes get to answer (0.5 s)
 * @param errorSuppressionLimit {@code error_suppression_limit}: a node with more errors than this
 *     within the interval is skipped (10)
 * @param errorSuppressionInterval {@code error_suppression_interval}: how long errors count and
 *     how long a limited node is skipped (60 s)
 * @param requestNodeCount {@code request_node_count}: how many nodes a request may try, an
 *     integer or {@code "<n> * replicas"} ({@code "2 * replicas"})
 * @param sortingMethod {@code sorting_method}: {@code shuffle}, {@code timing} or {@code affinity}
 * @param timingExpiry {@code timing_expiry}: how long a node's measured connect time counts (300 s)
 * @param readAffinity {@code read_affinity}: e.g. {@code "r1z1=100, r1=200"} (lower first); used
 *     when {@code sorting_method} is {@code affinity}
 * @param writeAffinity {@code write_affinity}: e.g. {@code "r1, r2z2"}, the regions or zones
 *     local to this proxy; object PUTs go to local nodes first and DELETEs also to local handoffs
 *     (empty: none)
 * @param writeAffinityNodeCount {@code write_affinity_node_count}: how many local nodes (primaries
 *     and handoffs) a PUT tries before the others ({@code "2 * replicas"})
 * @param writeAffinityHandoffDeleteCount {@code write_affinity_handoff_delete_count}: how many
 *     local handoffs an object DELETE asks besides the primaries, or {@code auto} (as many as
 *     there are non-local primaries)
 * @param maxConnections size of the shared connection pool to storage nodes
 * @param policies {@code [proxy-server:policy:N]} sections: per storage policy index, overrides of
 *     {@code sorting_method}, {@code read_affinity} and the write affinity options
 */
public record BackendSettings(
        Duration connTimeout,
        Duration nodeTimeout,
        Duration recoverableNodeTimeout,
        Duration postQuorumTimeout,
        int errorSuppressionLimit,
        Duration errorSuppressionInterval,
        String requestNodeCount,
        String sortingMethod,
        Duration timingExpiry,
        String readAffinity,
        String writeAffinity,
        String writeAffinityNodeCount,
        String writeAffinityHandoffDeleteCount,
        int maxConnections,
        Map<Integer, PolicyOverrides> policies) {

    public BackendSettings {
        requireNonNull(connTimeout, "connTimeout");
        requireNonNull(nodeTimeout, "nodeTimeout");
        requireNonNull(recoverableNodeTimeout, "recoverableNodeTimeout");
        requireNonNull(postQuorumTimeout, "postQuorumTimeout");
        requireNonNull(errorSuppressionInterval, "errorSuppressionInterval");
        requireNonNull(requestNodeCount, "requestNodeCount");
        requireNonNull(sortingMethod, "sortingMethod");
        requireNonNull(timingExpiry, "timingExpiry");
        requireNonNull(readAffinity, "readAffinity");
        requireNonNull(writeAffinity, "writeAffinity");
        requireNonNull(writeAffinityNodeCount, "writeAffinityNodeCount");
        requireNonNull(writeAffinityHandoffDeleteCount, "writeAffinityHandoffDeleteCount");
        policies = Map.copyOf(requireNonNull(policies, "policies"));
        if (errorSuppressionLimit < 0) {
            throw new IllegalArgumentException(
                    "errorSuppressionLimit: " + errorSuppressionLimit + " (expected: >= 0)");
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections: " + maxConnections + " (expected: >= 1)");
        }
        // Every option of the proxy and of each policy is parsed once here, so a bad value fails the start.
        NodeSelection.build(requestNodeCount, sortingMethod, readAffinity, writeAffinity, writeAffinityNodeCount,
                writeAffinityHandoffDeleteCount, policies);
    }

    /** Swift 2.30's defaults. */
    public static BackendSettings defaults() {
        Duration nodeTimeout = Duration.ofSeconds(10);
        return new BackendSettings(Duration.ofMillis(500), nodeTimeout, nodeTimeout, Duration.ofMillis(500), 10,
                Duration.ofSeconds(60), "2 * replicas", "shuffle", Duration.ofSeconds(300), "", "",
                "2 * replicas", "auto", 500, Map.of());
    }

    /** These settings with other timeouts (tests use short ones). */
    public BackendSettings withTimeouts(Duration conn, Duration node, Duration recoverableNode, Duration postQuorum) {
        return new BackendSettings(conn, node, recoverableNode, postQuorum, errorSuppressionLimit,
                errorSuppressionInterval, requestNodeCount, sortingMethod, timingExpiry, readAffinity, writeAffinity,
                writeAffinityNodeCount, writeAffinityHandoffDeleteCount, maxConnections, policies);
    }

    /** These settings with {@code sorting_method = affinity} and the given {@code read_affinity}. */
    public BackendSettings withReadAffinity(String affinity) {
        return new BackendSettings(connTimeout, nodeTimeout, recoverableNodeTimeout, postQuorumTimeout,
                errorSuppressionLimit, errorSuppressionInterval, requestNodeCount, "affinity", timingExpiry, affinity,
                writeAffinity, writeAffinityNodeCount, writeAffinityHandoffDeleteCount, maxConnections, policies);
    }

    /** These settings with another error limit. */
    public BackendSettings withErrorSuppression(int limit, Duration interval) {
        return new BackendSettings(connTimeout, nodeTimeout, recoverableNodeTimeout, postQuorumTimeout, limit,
                interval, requestNodeCount, sortingMethod, timingExpiry, readAffinity, writeAffinity,
                writeAffinityNodeCount, writeAffinityHandoffDeleteCount, maxConnections, policies);
    }

    /** These settings with the write affinity options set for the proxy (every policy without overrides). */
    public BackendSettings withWriteAffinity(String affinity, String nodeCount, String handoffDeleteCount) {
        return new BackendSettings(connTimeout, nodeTimeout, recoverableNodeTimeout, postQuorumTimeout,
                errorSuppressionLimit, errorSuppressionInterval, requestNodeCount, sortingMethod, timingExpiry,
                readAffinity, affinity, nodeCount, handoffDeleteCount, maxConnections, policies);
    }

    /** These settings with {@code overrides} for storage policy {@code index}. */
    public BackendSettings withPolicy(int index, PolicyOverrides overrides) {
        Map<Integer, PolicyOverrides> all = new TreeMap<>(policies);
        all.put(index, overrides);
        return new BackendSettings(connTimeout, nodeTimeout, recoverableNodeTimeout, postQuorumTimeout,
                errorSuppressionLimit, errorSuppressionInterval, requestNodeCount, sortingMethod, timingExpiry,
                readAffinity, writeAffinity, writeAffinityNodeCount, writeAffinityHandoffDeleteCount, maxConnections,
                all);
    }

    /** The node selection options of the proxy and of each policy, parsed. */
    public NodeSelection nodeSelection() {
        return NodeSelection.build(requestNodeCount, sortingMethod, readAffinity, writeAffinity, writeAffinityNodeCount,
                writeAffinityHandoffDeleteCount, policies);
    }

    /** {@code request_node_count} for a ring of {@code replicas} replicas. */
    public int requestNodeCount(int replicas) {
        return RequestNodeCount.parse(requestNodeCount).applyAsInt(replicas);
    }
}
