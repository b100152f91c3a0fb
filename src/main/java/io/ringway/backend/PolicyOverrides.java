package io.ringway.backend;

import org.jspecify.annotations.Nullable;

/**
 * One storage policy's overrides of the proxy's node selection options, as a
 * {@code [proxy-server:policy:N]} section of Swift's {@code proxy-server.conf}
 * ({@code ringway.backend.policies.N.*}); a null option takes the proxy's value.
 *
 * @param sortingMethod {@code sorting_method}
 * @param readAffinity {@code read_affinity}
 * @param writeAffinity {@code write_affinity}
 * @param writeAffinityNodeCount {@code write_affinity_node_count}
 * @param writeAffinityHandoffDeleteCount {@code write_affinity_handoff_delete_count}
 */
public record PolicyOverrides(
        @Nullable String sortingMethod,
        @Nullable String readAffinity,
        @Nullable String writeAffinity,
        @Nullable String writeAffinityNodeCount,
        @Nullable String writeAffinityHandoffDeleteCount) {

    /** No override: the policy uses the proxy's options. */
    public static PolicyOverrides none() {
        return new PolicyOverrides(null, null, null, null, null);
    }

    /** These overrides with {@code write_affinity}, {@code write_affinity_node_count} and the delete count set. */
    public PolicyOverrides withWriteAffinity(String affinity, String nodeCount, String handoffDeleteCount) {
        return new PolicyOverrides(sortingMethod, readAffinity, affinity, nodeCount, handoffDeleteCount);
    }

    /** These overrides with {@code sorting_method = affinity} and the given {@code read_affinity}. */
    public PolicyOverrides withReadAffinity(String affinity) {
        return new PolicyOverrides("affinity", affinity, writeAffinity, writeAffinityNodeCount,
                writeAffinityHandoffDeleteCount);
    }
}
