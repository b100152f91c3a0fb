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
 *
 * <p>The set a running gateway uses follows {@code swift.conf}: {@link #update} takes a newer
 * file's policies (thread-safe; each lookup sees one whole set).
 */
public final class StoragePolicies {

    /** Swift's {@code LEGACY_POLICY_NAME}. */
    public static final String LEGACY_POLICY_NAME = "Policy-0";

    private volatile Table table;

    /** Validates policies in the given order (swift.conf's order); see the class comment for the rules. */
    public StoragePolicies(List<? extends StoragePolicy> policies) {
        requireNonNull(policies, "policies");
        Map<Integer, StoragePolicy> byIndex = new LinkedHashMap<>();
        Map<String, StoragePolicy> byName = new LinkedHashMap<>();
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
            add(policy, byIndex, byName);
        }
        if (!byIndex.containsKey(0)) {
            if (!byIndex.isEmpty()) {
                throw new IllegalArgumentException("storage-policy:0 is missing (expected: a section for policy"
                        + " index 0 whenever storage policies are defined)");
            }
            add(new ReplicationPolicy(0, LEGACY_POLICY_NAME, List.of(), false, false), byIndex, byName);
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
            add(foundDefault, byIndex, byName);
        }
        this.table = new Table(Map.copyOf(byIndex), Map.copyOf(byName), foundDefault, List.copyOf(byIndex.values()));
    }

    /**
     * Takes the policies of a newer {@code swift.conf}: new policies, new names and aliases,
     * deprecation and another default take effect; an index keeps its kind (replication or
     * federated) and none goes away, since containers already point at them by index.
     *
     * @throws IllegalArgumentException (nothing changed) when the newer set breaks that rule
     */
    public void update(StoragePolicies newer) {
        Table current = table;
        Table next = requireNonNull(newer, "newer").table;
        for (StoragePolicy policy : current.inOrder()) {
            StoragePolicy replacement = next.byIndex().get(policy.index());
            if (replacement == null) {
                throw new IllegalArgumentException("storage-policy:" + policy.index()
                        + " is gone (expected: policies are deprecated, never removed)");
            }
            if (replacement.getClass() != policy.getClass()) {
                throw new IllegalArgumentException("storage-policy:" + policy.index() + " changed from "
                        + policy.getClass().getSimpleName() + " to " + replacement.getClass().getSimpleName()
                        + " (expected: a policy keeps its kind)");
            }
        }
        table = next;
    }

    public Optional<StoragePolicy> byIndex(int index) {
        return Optional.ofNullable(table.byIndex().get(index));
    }

    /** Looks a policy up by its name or any alias, ignoring case. */
    public Optional<StoragePolicy> byName(String name) {
        return Optional.ofNullable(table.byName().get(key(requireNonNull(name, "name"))));
    }

    /** The policy of containers created without {@code X-Storage-Policy}. */
    public StoragePolicy defaultPolicy() {
        return table.defaultPolicy();
    }

    /** All policies in swift.conf order (an implicit policy 0 last), deprecated ones included. */
    public List<StoragePolicy> all() {
        return table.inOrder();
    }

    /** Swift's {@code get_policy_info} for {@code /info}: the policies that are not deprecated. */
    public List<PolicyInfo> info() {
        List<PolicyInfo> info = new ArrayList<>();
        for (StoragePolicy policy : table.inOrder()) {
            if (!policy.deprecated()) {
                info.add(new PolicyInfo(policy.name(), String.join(", ", policy.names()), policy.isDefault()));
            }
        }
        return List.copyOf(info);
    }

    @Override
    public String toString() {
        return "StoragePolicies" + table.inOrder();
    }

    private static void add(StoragePolicy policy, Map<Integer, StoragePolicy> byIndex,
            Map<String, StoragePolicy> byName) {
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

    /** One consistent set: lookups by index and name, the default, swift.conf's order. */
    private record Table(Map<Integer, StoragePolicy> byIndex, Map<String, StoragePolicy> byName,
            StoragePolicy defaultPolicy, List<StoragePolicy> inOrder) {
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
