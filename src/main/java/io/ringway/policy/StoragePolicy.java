package io.ringway.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * A storage policy from a {@code [storage-policy:N]} section of swift.conf. The set is closed:
 * replication policies store objects on this cluster's object ring; federated policies are
 * reserved for storing objects on another cluster.
 */
public sealed interface StoragePolicy permits ReplicationPolicy, FederatedPolicy {

    /** The policy index, N of the section name; containers record it. */
    int index();

    /** The primary name, as shown in {@code X-Storage-Policy}. */
    String name();

    /** Further names the policy answers to, without the primary name. */
    List<String> aliases();

    /** Whether containers created without {@code X-Storage-Policy} get this policy. */
    boolean isDefault();

    /** Deprecated policies serve existing containers but cannot be chosen for new ones. */
    boolean deprecated();

    /** The primary name followed by the aliases: Swift's {@code alias_list}. */
    default List<String> names() {
        List<String> names = new ArrayList<>(aliases().size() + 1);
        names.add(name());
        names.addAll(aliases());
        return List.copyOf(names);
    }
}
