package io.ringway.policy;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster's storage policies, validated as Swift's {@code StoragePolicyCollection}: indexes
 * and names (aliases included) unique, names compared case-insensitively, policy 0 present when
 * any policy is defined, at least one policy not deprecated, exactly one default (a lone policy
 * is the default without saying so). With no policy at all, the implicit replication policy 0
 * {@code Policy-0} is the default.
 */
public final class StoragePolicies {

    /** Swift's {@code LEGACY_POLICY_NAME}. */
    public static final String LEGACY_POLICY_NAME = "Policy-0";

    private final Map<Integer, StoragePolicy> byIndex = new LinkedHashMap<>();
    private final Map<String, StoragePolicy> byName = new LinkedHashMap<>();
    private final StoragePolicy defaultPolicy;

    /** Validates policies in the given order (swift.conf's order); see the class comment for the rules. */
    public StoragePolicies(List<? extends StoragePolicy> policies) {
        requireNonNull(policies, "policies");
        StoragePolicy foundDefault = null;
        for (StoragePolicy policy : policies) {
            StoragePolicy sameIndex = byIndex.get(policy.index());
            if (sameIndex != null) {
                throw new IllegalArgumentException("storage-policy:" + policy.index() + ": index " + policy.index()
                        + " is defined twice (expected: unique indexes)");
            }
            for (String name : policy.names()) {
                StoragePolicy sameName = byName.get(key(name));
                if (sameName != null) {
                    throw new IllegalArgumentException("storage-policy:" + policy.index() + ": name " + name
                            + " is already used by policy " + sameName.index() + " (expected: unique names)");
                }
            }
            if (policy.isDefault()) {
                if (foundDefault != null) {
                    throw new IllegalArgumentException("storage-policy:" + policy.index()
                            + ": default = yes, but policy " + foundDefault.index()
                            + " is the default already (expected: exactly one default)");
                }
                foundDefault = policy;
            }
            add(policy);
        }
        if (!byIndex.containsKey(0)) {
            if (!byIndex.isEmpty()) {
                throw new IllegalArgumentException("storage-policy:0 is missing (expected: a section for policy"
                        + " index 0 whenever storage policies are defined)");
            }
            add(new ReplicationPolicy(0, LEGACY_POLICY_NAME, List.of(), false, false));
        }
        if (byIndex.values().stream().allMatch(StoragePolicy::deprecated)) {
            throw new IllegalArgumentException("all storage policies are deprecated (expected: at least one not)");
        }
        if (foundDefault == null) {
            if (byIndex.size() > 1) {
                throw new IllegalArgumentException(
                        "no storage policy has default = yes (expected: exactly one default)");
            }
            // Swift marks the lone policy (index 0) as the default.
            foundDefault = asDefault(byIndex.get(0));
            add(foundDefault);
        }
        this.defaultPolicy = foundDefault;
    }

    public Optional<StoragePolicy> byIndex(int index) {
        return Optional.ofNullable(byIndex.get(index));
    }

    /** Looks a policy up by its name or any alias, ignoring case. */
    public Optional<StoragePolicy> byName(String name) {
        return Optional.ofNullable(byName.get(key(requireNonNull(name, "name"))));
    }

    /** The policy of containers created without {@code X-Storage-Policy}. */
    public StoragePolicy defaultPolicy() {
        return defaultPolicy;
    }

    /** All policies in swift.conf order (an implicit policy 0 last), deprecated ones included. */
    public List<StoragePolicy> all() {
        return List.copyOf(byIndex.values());
    }

    /** Swift's {@code get_policy_info} for {@code /info}: the policies that are not deprecated. */
    public List<PolicyInfo> info() {
        List<PolicyInfo> info = new ArrayList<>();
        for (StoragePolicy policy : byIndex.values()) {
            if (!policy.deprecated()) {
                info.add(new PolicyInfo(policy.name(), String.join(", ", policy.names()), policy.isDefault()));
            }
        }
        return List.copyOf(info);
    }

    @Override
    public String toString() {
        return "StoragePolicies" + byIndex.values();
    }

    private void add(StoragePolicy policy) {
        byIndex.put(policy.index(), policy);
        for (String name : policy.names()) {
            byName.put(key(name), policy);
        }
    }

    private static StoragePolicy asDefault(StoragePolicy policy) {
        if (policy instanceof ReplicationPolicy replication) {
            return new ReplicationPolicy(replication.index(), replication.name(), replication.aliases(), true,
                    replication.deprecated());
        }
        FederatedPolicy federated = (FederatedPolicy) policy;
        return new FederatedPolicy(federated.index(), federated.name(), federated.aliases(), true,
                federated.deprecated(), federated.target());
    }

    private static String key(String name) {
        return name.toUpperCase(Locale.ROOT);
    }

    /**
     * One entry of {@code /info}'s {@code policies} list.
     *
     * @param name the primary name
     * @param aliases all names joined by {@code ", "}, the primary name first, as Swift shows them
     * @param isDefault whether it is the default (Swift omits {@code default} when false)
     */
    public record PolicyInfo(String name, String aliases, boolean isDefault) {

        public PolicyInfo {
            requireNonNull(name, "name");
            requireNonNull(aliases, "aliases");
        }
    }
}
