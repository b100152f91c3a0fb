package io.ringway.config;

import io.ringway.backend.BackendSettings;
import io.ringway.backend.PolicyOverrides;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * {@code ringway.backend.*}: how the gateway talks to storage nodes, with the option names and
 * defaults of Swift 2.30's {@code [app:proxy-server]} section ({@code node_timeout} or
 * {@code node-timeout}: Spring's relaxed binding takes both). Bare numbers are seconds, as in
 * Swift; a fraction needs a unit ({@code 500ms}), since Spring does not parse {@code 0.5}.
 *
 * @param connTimeout {@code conn_timeout}: time to open a connection to a node
 * @param nodeTimeout {@code node_timeout}: time to wait for a node's response headers (and each
 *     PUT body write)
 * @param recoverableNodeTimeout {@code recoverable_node_timeout}: time without body data before an
 *     object GET resumes on another node; unset, {@code node_timeout}, as in Swift
 * @param postQuorumTimeout {@code post_quorum_timeout}: how long the other nodes get once a PUT
 *     has its quorum
 * @param errorSuppressionLimit {@code error_suppression_limit}: errors within the interval after
 *     which a node is skipped
 * @param errorSuppressionInterval {@code error_suppression_interval}
 * @param requestNodeCount {@code request_node_count}: an integer or {@code "<n> * replicas"}
 * @param sortingMethod {@code sorting_method}: {@code shuffle}, {@code timing} or {@code affinity}
 * @param timingExpiry {@code timing_expiry}
 * @param readAffinity {@code read_affinity}, such as {@code "r1z1=100, r1=200"}
 * @param writeAffinity {@code write_affinity}, such as {@code "r1, r2z2"}: the regions or zones
 *     local to this gateway; object PUTs try local nodes first, DELETEs also local handoffs
 * @param writeAffinityNodeCount {@code write_affinity_node_count}: an integer or
 *     {@code "<n> * replicas"}
 * @param writeAffinityHandoffDeleteCount {@code write_affinity_handoff_delete_count}: an integer
 *     or {@code auto}
 * @param maxConnections size of the connection pool to storage nodes (Ringway's own)
 * @param policies Swift's {@code [proxy-server:policy:N]} sections as
 *     {@code ringway.backend.policies.<N>.<option>}: per storage policy index,
 *     {@code sorting_method}, {@code read_affinity}, {@code write_affinity},
 *     {@code write_affinity_node_count} and {@code write_affinity_handoff_delete_count}; an
 *     option left out takes the value above
 */
record BackendProperties(
        @DefaultValue("500ms") @DurationUnit(ChronoUnit.SECONDS) Duration connTimeout,
        @DefaultValue("10s") @DurationUnit(ChronoUnit.SECONDS) Duration nodeTimeout,
        @DurationUnit(ChronoUnit.SECONDS) @Nullable Duration recoverableNodeTimeout,
        @DefaultValue("500ms") @DurationUnit(ChronoUnit.SECONDS) Duration postQuorumTimeout,
        @DefaultValue("10") int errorSuppressionLimit,
        @DefaultValue("60s") @DurationUnit(ChronoUnit.SECONDS) Duration errorSuppressionInterval,
        @DefaultValue("2 * replicas") String requestNodeCount,
        @DefaultValue("shuffle") String sortingMethod,
        @DefaultValue("300s") @DurationUnit(ChronoUnit.SECONDS) Duration timingExpiry,
        @DefaultValue("") String readAffinity,
        @DefaultValue("") String writeAffinity,
        @DefaultValue("2 * replicas") String writeAffinityNodeCount,
        @DefaultValue("auto") String writeAffinityHandoffDeleteCount,
        @DefaultValue("500") int maxConnections,
        @DefaultValue Map<Integer, PolicyOverrides> policies) {

    /** The data path's settings; checked there (an unknown sorting method fails the start). */
    BackendSettings toSettings() {
        // Swift: recoverable_node_timeout = conf.get('recoverable_node_timeout', node_timeout).
        Duration recoverable = recoverableNodeTimeout != null ? recoverableNodeTimeout : nodeTimeout;
        return new BackendSettings(connTimeout, nodeTimeout, recoverable, postQuorumTimeout, errorSuppressionLimit,
                errorSuppressionInterval, requestNodeCount, sortingMethod, timingExpiry, readAffinity, writeAffinity,
                writeAffinityNodeCount, writeAffinityHandoffDeleteCount, maxConnections, policies);
    }
}
