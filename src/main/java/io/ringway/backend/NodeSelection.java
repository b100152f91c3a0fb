package io.ringway.backend;

import static java.util.Objects.requireNonNull;

import io.ringway.ring.Ring;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The proxy's node selection options and each storage policy's overrides of them, as Swift 2.30's
 * {@code Application._override_options}: the options of a policy without a
 * {@code [proxy-server:policy:N]} section, and of account and container requests (Swift's
 * {@code policy=None}), are the proxy's. Built once from {@link BackendSettings#nodeSelection()}.
 */
public final class NodeSelection {

    private final IntUnaryOperator requestNodeCount;
    private final PolicyOptions defaults;
    private final Map<Integer, PolicyOptions> policies;

    private NodeSelection(IntUnaryOperator requestNodeCount, PolicyOptions defaults,
            Map<Integer, PolicyOptions> policies) {
        this.requestNodeCount = requireNonNull(requestNodeCount, "requestNodeCount");
        this.defaults = requireNonNull(defaults, "defaults");
        this.policies = Map.copyOf(policies);
    }

    /** Swift's {@code _load_per_policy_config}: each override falls back to the proxy's own value. */
    static NodeSelection build(String requestNodeCount, String sortingMethod, String readAffinity, String writeAffinity,
            String writeAffinityNodeCount, String writeAffinityHandoffDeleteCount,
            Map<Integer, PolicyOverrides> overrides) {
        PolicyOptions defaults = PolicyOptions.of(sortingMethod, readAffinity, writeAffinity, writeAffinityNodeCount,
                writeAffinityHandoffDeleteCount);
        Map<Integer, PolicyOptions> policies = new TreeMap<>();
        overrides.forEach((index, o) -> {
            if (index < 0) {
                throw new IllegalArgumentException("policies: " + index + " (expected: a storage policy index)");
            }
            try {
                policies.put(index, PolicyOptions.of(
                        Objects.requireNonNullElse(o.sortingMethod(), sortingMethod),
                        Objects.requireNonNullElse(o.readAffinity(), readAffinity),
                        Objects.requireNonNullElse(o.writeAffinity(), writeAffinity),
                        Objects.requireNonNullElse(o.writeAffinityNodeCount(), writeAffinityNodeCount),
                        Objects.requireNonNullElse(o.writeAffinityHandoffDeleteCount(),
                                writeAffinityHandoffDeleteCount)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("policies." + index + "." + e.getMessage(), e);
            }
        });
        return new NodeSelection(RequestNodeCount.parse(requestNodeCount), defaults, policies);
    }

    /** The options of storage policy {@code policyIndex}; null (account and container rings) gives the proxy's. */
    public PolicyOptions options(@Nullable Integer policyIndex) {
        if (policyIndex == null) {
            return defaults;
        }
        return policies.getOrDefault(policyIndex, defaults);
    }

    /** {@code request_node_count} as a function of the replica count (the proxy's; Swift has no per-policy one). */
    public IntUnaryOperator requestNodeCount() {
        return requestNodeCount;
    }

    /** The indexes of the policies with overrides (the gateway checks that they exist, as Swift does). */
    public Set<Integer> overriddenPolicies() {
        return policies.keySet();
    }

    /**
     * How many nodes an object DELETE asks, as Swift's {@code DELETE}: the partition's primaries,
     * plus the local handoffs of {@link PolicyOptions#localHandoffsForDelete} under write affinity.
     */
    public int objectDeleteNodeCount(Ring ring, int partition, int policyIndex) {
        var primaries = ring.primaryNodes(partition);
        return primaries.size() + options(policyIndex).localHandoffsForDelete(primaries);
    }

    @Override
    public String toString() {
        return "NodeSelection[defaults=" + defaults + ", policies=" + policies + "]";
    }
}
