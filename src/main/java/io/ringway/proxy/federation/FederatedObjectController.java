package io.ringway.proxy.federation;

import static java.util.Objects.requireNonNull;

import io.ringway.backend.InfoSource;
import io.ringway.federation.Targets;
import io.ringway.policy.StoragePolicies;
import io.ringway.proxy.Controller;
import io.ringway.proxy.ProxyReply;
import io.ringway.proxy.ProxyRequest;
import java.util.Objects;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * Object requests: those of a federated container are forwarded to its target (a PUT with its
 * body, streamed), the others go to the local object controller.
 */
public final class FederatedObjectController implements Controller {

    private final Controller local;
    private final FederatedPolicies federated;
    private final Forwarding forwarding;

    /**
     * @param local the local object controller
     * @param info container info (the gateway's cache)
     * @param policies the storage policies
     * @param targets the federated policies' targets
     */
    public FederatedObjectController(Controller local, InfoSource info, StoragePolicies policies, Targets targets) {
        this.local = requireNonNull(local, "local");
        this.federated = new FederatedPolicies(info, policies);
        this.forwarding = new Forwarding(targets);
    }

    @Override
    public Set<String> allowedMethods() {
        return local.allowedMethods();
    }

    @Override
    public Mono<ProxyReply> handle(ProxyRequest request) {
        String container = Objects.requireNonNull(request.path().container(), "container");
        return federated.of(request.path().account(), container)
                .flatMap(found -> found.isPresent()
                        ? forwarding.forward(request, found.get().policy(), request.method().equals("PUT"), headers -> { })
                        : local.handle(request));
    }
}
