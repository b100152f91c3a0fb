package io.ringway.policy;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Reserved for storing a policy's objects on another cluster ({@code policy_type = federated},
 * a Ringway extension of swift.conf). Parsed and validated like any policy; nothing routes to
 * it yet.
 *
 * @param index the policy index
 * @param name the primary name
 * @param aliases further names, without the primary name
 * @param isDefault whether new containers get this policy by default
 * @param deprecated whether new containers may not choose it
 * @param target the name of the remote cluster that stores the objects
 */
public record FederatedPolicy(int index, String name, List<String> aliases, boolean isDefault, boolean deprecated,
        String target) implements StoragePolicy {

    public FederatedPolicy {
        if (index < 0) {
            throw new IllegalArgumentException("index: " + index + " (expected: >= 0)");
        }
        requireNonNull(name, "name");
        aliases = List.copyOf(aliases);
        requireNonNull(target, "target");
        if (target.isBlank()) {
            throw new IllegalArgumentException("target: '' (expected: a cluster name)");
        }
    }
}
