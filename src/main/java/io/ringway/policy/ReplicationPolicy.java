package io.ringway.policy;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A Swift replication policy ({@code policy_type = replication}, the default): objects are
 * stored as whole copies on the devices of the policy's object ring.
 *
 * @param index the policy index
 * @param name the primary name
 * @param aliases further names, without the primary name
 * @param isDefault whether new containers get this policy by default
 * @param deprecated whether new containers may not choose it
 */
public record ReplicationPolicy(int index, String name, List<String> aliases, boolean isDefault,
        boolean deprecated) implements StoragePolicy {

    public ReplicationPolicy {
        if (index < 0) {
            throw new IllegalArgumentException("index: " + index + " (expected: >= 0)");
        }
        requireNonNull(name, "name");
        aliases = List.copyOf(aliases);
    }

    /** Swift's {@code ring_name}: {@code object} for policy 0, {@code object-N} otherwise. */
    public String objectRingName() {
        return index == 0 ? "object" : "object-" + index;
    }
}
