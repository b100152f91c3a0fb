package io.ringway.proxy.federation;

import static java.util.Objects.requireNonNull;

import io.ringway.api.error.GatewayException;
import io.ringway.api.swift.EdgeConstraints;
import io.ringway.backend.ContainerInfo;
import io.ringway.backend.InfoSource;
import io.ringway.federation.Targets;
import io.ringway.policy.StoragePolicies;
import io.ringway.policy.FederatedPolicy;
import io.ringway.proxy.Controller;
import io.ringway.proxy.ProxyReply;
import io.ringway.proxy.ProxyRequest;
import io.ringway.proxy.SwiftResponses;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;

/**
 * Container requests, for federated containers: PUT creates the container in the target, then
 * its local record (the account then lists it); GET (the listing) and HEAD are the target's, with
 * the local policy's name and the local record's ACLs; POST changes the target's metadata and
 * the local record (ACLs, and metadata the gateway's own stages read, such as temp URL keys);
 * DELETE removes the target's container, then the local record. A container PUT that asks for
 * another policy than an existing container's gets 409, as from Swift's container servers.
 * Other containers go to the local container controller.
 *
 * <p>A PUT whose local record fails after the target's container was made leaves that (empty)
 * container in the target; a PUT again adopts it.
 */
public final class FederatedContainerController implements Controller {

    /** The local record's, not sent to the target: the gateway's own stages enforce them. */
    private static final List<String> LOCAL_ONLY = List.of("x-container-read", "x-container-write",
            "x-container-sync-key", "x-container-sync-to", "x-remove-container-read", "x-remove-container-write",
            "x-remove-container-sync-key", "x-remove-container-sync-to", "x-storage-policy");

    private final Controller local;
    private final FederatedPolicies federated;
    private final Forwarding forwarding;
    private final Targets targets;
    private final EdgeConstraints constraints;

    /**
     * @param local the local container controller
     * @param info container info (the gateway's cache)
     * @param policies the storage policies
     * @param targets the federated policies' targets
     * @param constraints Swift's constraints, checked before the target is asked
     */
    public FederatedContainerController(Controller local, InfoSource info, StoragePolicies policies, Targets targets,
            EdgeConstraints constraints) {
        this.local = requireNonNull(local, "local");
        this.federated = new FederatedPolicies(info, policies);
        this.forwarding = new Forwarding(targets);
        this.targets = requireNonNull(targets, "targets");
        this.constraints = requireNonNull(constraints, "constraints");
    }

    @Override
    public Set<String> allowedMethods() {
        return local.allowedMethods();
    }

    @Override
    public Mono<ProxyReply> handle(ProxyRequest request) {
        String account = request.path().account();
        String container = Objects.requireNonNull(request.path().container(), "container");
        if (request.method().equals("PUT")) {
            return put(request, account, container);
        }
        return federated.of(account, container)
                .flatMap(found -> found.isEmpty() ? local.handle(request) : switch (request.method()) {
                    case "GET", "HEAD" -> read(request, found.get());
                    case "POST" -> post(request, found.get());
                    case "DELETE" -> delete(request, found.get());
                    default -> local.handle(request);
                });
    }

    private Mono<ProxyReply> read(ProxyRequest request, FederatedContainer container) {
        boolean recordMetadata = !targets.of(container.policy()).keepsContainerMetadata();
        return forwarding.forward(request, container.policy(), false, headers -> { })
                .map(reply -> withLocalRecord(reply, container.record(), request.context().swiftOwner(),
                        recordMetadata));
    }

    /**
     * The target's owner headers are not ours; the owner sees the local record's. The metadata
     * of a container whose target keeps none is the record's too.
     */
    private static ProxyReply withLocalRecord(ProxyReply reply, ContainerInfo record, boolean owner,
            boolean recordMetadata) {
        HttpHeaders headers = reply.headers();
        SwiftResponses.removeOwnerHeaders(headers);
        if (recordMetadata && reply.status() / 100 == 2) {
            record.meta().forEach((key, value) -> {
                if (!key.startsWith("temp-url-key")) {
                    headers.set("X-Container-Meta-" + key, value);
                }
            });
        }
        if (owner) {
            setIfPresent(headers, "X-Container-Read", record.readAcl());
            setIfPresent(headers, "X-Container-Write", record.writeAcl());
            setIfPresent(headers, "X-Container-Sync-Key", record.syncKey());
            record.meta().forEach((key, value) -> {
                if (key.startsWith("temp-url-key")) {
                    headers.set("X-Container-Meta-" + key, value);
                }
            });
        }
        return reply;
    }

    private static void setIfPresent(HttpHeaders headers, String name, @Nullable String value) {
        if (value != null && !value.isEmpty()) {
            headers.set(name, value);
        }
    }

    private Mono<ProxyReply> post(ProxyRequest request, FederatedContainer container) {
        return Mono.defer(() -> {
            constraints.checkMetadata(request.headers(), EdgeConstraints.Target.CONTAINER);
            return forwarding.forward(request, container.policy(), false, Forwarding.without(LOCAL_ONLY))
                    .flatMap(remote -> remote.status() / 100 != 2
                            ? Mono.just(remote)
                            : local.handle(request).flatMap(record -> record.status() / 100 == 2
                                    ? record.discard().thenReturn(remote)
                                    : remote.discard().thenReturn(record)));
        });
    }

    private Mono<ProxyReply> delete(ProxyRequest request, FederatedContainer container) {
        return forwarding.forward(request, container.policy(), false, headers -> { })
                .flatMap(remote -> remote.status() / 100 == 2 || remote.status() == 404
                        // Gone from the target (or gone already): the record goes too.
                        ? remote.discard().then(local.handle(request))
                        : Mono.just(remote));
    }

    private Mono<ProxyReply> put(ProxyRequest request, String account, String container) {
        return Mono.defer(() -> {
            constraints.checkMetadata(request.headers(), EdgeConstraints.Target.CONTAINER);
            constraints.checkContainerName(account, container);
            String asked = request.headers().getFirst("X-Storage-Policy");
            FederatedPolicy wanted = federated.requested(asked);
            return federated.info(account, container).flatMap(info -> {
                Optional<FederatedContainer> existing = federated.federated(info, account, container);
                FederatedPolicy target = existing.map(FederatedContainer::policy).orElse(wanted);
                String refused = target == null ? null : targets.of(target).refusedContainer(account, container);
                if (refused != null) {
                    return Mono.error(GatewayException.plain(400, refused, null));
                }
                if (existing.isPresent()) {
                    FederatedPolicy current = existing.get().policy();
                    if (asked != null && !asked.isEmpty() && (wanted == null || wanted.index() != current.index())) {
                        return Mono.error(GatewayException.status(409));
                    }
                    return create(request, current, false);
                }
                if (info.exists()) {
                    // A local container cannot move to another cluster by a PUT.
                    boolean movesAway = wanted != null && asked != null && !asked.isEmpty();
                    return movesAway ? Mono.error(GatewayException.status(409)) : local.handle(request);
                }
                return wanted == null ? local.handle(request) : create(request, wanted, true);
            });
        });
    }

    /** The target's container first, then the local record (a new one names its policy in sysmeta). */
    private Mono<ProxyReply> create(ProxyRequest request, FederatedPolicy policy, boolean isNew) {
        return forwarding.forward(request, policy, false, Forwarding.without(LOCAL_ONLY))
                .flatMap(remote -> {
                    if (remote.status() / 100 != 2) {
                        return Mono.just(remote);
                    }
                    return remote.discard().then(local.handle(record(request, policy, isNew)));
                });
    }

    private ProxyRequest record(ProxyRequest request, FederatedPolicy policy, boolean isNew) {
        Consumer<HttpHeaders> edit = headers -> {
            headers.remove("X-Storage-Policy");
            if (isNew) {
                headers.set("X-Storage-Policy", federated.recordPolicy().name());
            }
            headers.set(FederatedPolicies.SYSMETA, Integer.toString(policy.index()));
        };
        return new ProxyRequest(request.path(), request.exchange().mutate()
                .request(builder -> builder.headers(edit))
                .build());
    }
}
