package io.ringway.proxy.federation;

import static java.util.Objects.requireNonNull;

import io.ringway.api.error.GatewayException;
import io.ringway.backend.ContainerInfo;
import io.ringway.backend.InfoSource;
import io.ringway.policy.FederatedPolicy;
import io.ringway.policy.ReplicationPolicy;
import io.ringway.policy.StoragePolicies;
import io.ringway.policy.StoragePolicy;
import java.util.Comparator;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Which containers are federated. The local record of a federated container is a container of a
 * replication policy (any Swift container server can keep it, with no change to its swift.conf)
 * whose system metadata {@value #SYSMETA} holds the federated policy's index.
 */
final class FederatedPolicies {

    private static final Logger LOG = LoggerFactory.getLogger(FederatedPolicies.class);

    /** The header that records a container's federated policy index. */
    static final String SYSMETA = "X-Container-Sysmeta-Ringway-Federated-Policy";
    /** {@link #SYSMETA} as {@link ContainerInfo#sysmeta()} keys it. */
    private static final String SYSMETA_KEY = "ringway-federated-policy";

    private final InfoSource info;
    private final StoragePolicies policies;

    FederatedPolicies(InfoSource info, StoragePolicies policies) {
        this.info = requireNonNull(info, "info");
        this.policies = requireNonNull(policies, "policies");
    }

    /** The container, when it exists and is federated. */
    Mono<Optional<FederatedContainer>> of(String account, String container) {
        return info.container(account, container).map(found -> federated(found, account, container));
    }

    /** The container's info, whether it exists, and its federated policy if it has one. */
    Mono<ContainerInfo> info(String account, String container) {
        return info.container(account, container);
    }

    Optional<FederatedContainer> federated(ContainerInfo found, String account, String container) {
        if (!found.exists()) {
            return Optional.empty();
        }
        String index = found.sysmeta().get(SYSMETA_KEY);
        if (index == null || index.isEmpty()) {
            return Optional.empty();
        }
        StoragePolicy policy = byIndex(index);
        if (policy instanceof FederatedPolicy federated) {
            return Optional.of(new FederatedContainer(federated, found));
        }
        // swift.conf lost the policy: the objects are in a cluster the gateway no longer knows.
        LOG.error("ERROR container /{}/{} is in federated policy {}, which swift.conf no longer has", account,
                container, index);
        throw GatewayException.status(503);
    }

    private @Nullable StoragePolicy byIndex(String index) {
        try {
            return policies.byIndex(Integer.parseInt(index)).orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The federated policy a container PUT asks for (by name, or the default), or null for a local one. */
    @Nullable FederatedPolicy requested(@Nullable String name) {
        StoragePolicy policy = name == null || name.isEmpty()
                ? policies.defaultPolicy()
                : policies.byName(name).orElse(null);
        return policy instanceof FederatedPolicy federated ? federated : null;
    }

    /**
     * The replication policy local records are made with: the default one if it replicates, else
     * the first that replicates and is not deprecated.
     */
    ReplicationPolicy recordPolicy() {
        if (policies.defaultPolicy() instanceof ReplicationPolicy replication) {
            return replication;
        }
        return policies.all().stream()
                .filter(ReplicationPolicy.class::isInstance)
                .map(ReplicationPolicy.class::cast)
                .filter(policy -> !policy.deprecated())
                .min(Comparator.comparingInt(ReplicationPolicy::index))
                .orElseThrow(() -> {
                    LOG.error("ERROR no replication policy to keep the records of federated containers");
                    return GatewayException.status(503);
                });
    }
}
