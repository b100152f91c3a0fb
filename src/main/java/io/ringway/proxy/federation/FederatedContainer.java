package io.ringway.proxy.federation;

import static java.util.Objects.requireNonNull;

import io.ringway.backend.ContainerInfo;
import io.ringway.policy.FederatedPolicy;

/**
 * A container that lives in a remote cluster: its federated policy and its local record's info
 * (ACLs, metadata as last set through this gateway).
 */
record FederatedContainer(FederatedPolicy policy, ContainerInfo record) {

    FederatedContainer {
        requireNonNull(policy, "policy");
        requireNonNull(record, "record");
    }
}
