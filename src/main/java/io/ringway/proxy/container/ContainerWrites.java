package io.ringway.proxy.container;

import io.ringway.api.error.GatewayException;
import io.ringway.api.swift.EdgeConstraints;
import io.ringway.backend.AccountInfo;
import io.ringway.backend.FanOutRequest;
import io.ringway.proxy.AccountAutocreate;
import io.ringway.proxy.BackendHeaders;
import io.ringway.proxy.DatabaseServices;
import io.ringway.proxy.ProxyReply;
import io.ringway.proxy.ProxyRequest;
import io.ringway.proxy.SwiftResponses;
import io.ringway.ring.Ring;
import io.ringway.swift.Timestamp;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Mono;

/** The container controller's PUT, POST and DELETE: the same request to every replica, the best answer. */
final class ContainerWrites {

    /** Swift's container {@code pass_through_headers} and {@code _x_remove_headers}. */
    private static final BackendHeaders.Transfer TRANSFER = new BackendHeaders.Transfer("container",
            Set.of("x-container-read", "x-container-write", "x-container-sync-key", "x-container-sync-to",
                    "x-versions-location"),
            Set.of("x-remove-container-read", "x-remove-container-write", "x-remove-versions-location",
                    "x-remove-container-sync-key", "x-remove-container-sync-to"));

    private final DatabaseServices services;

    ContainerWrites(DatabaseServices services) {
        this.services = services;
    }

    Mono<ProxyReply> put(ProxyRequest original) {
        return Mono.defer(() -> {
            services.constraints().checkMetadata(original.headers(), EdgeConstraints.Target.CONTAINER);
            Integer policyIndex = PolicyChoice.index(original.headers(), services.policies());
            ProxyRequest request = ownerHeadersChecked(original);
            String account = request.path().account();
            String container = Objects.requireNonNull(request.path().container(), "container");
            services.constraints().checkContainerName(account, container);
            return accountForPut(request, account)
                    .flatMap(info -> checkContainerLimit(account, container, info))
                    .then(Mono.defer(() -> send(request, HttpMethod.PUT, account, container,
                            updates(request, account, container, policyIndex))))
                    .doOnNext(reply -> services.cache().invalidate(account, container));
        });
    }

    Mono<ProxyReply> post(ProxyRequest original) {
        return Mono.defer(() -> {
            services.constraints().checkMetadata(original.headers(), EdgeConstraints.Target.CONTAINER);
            ProxyRequest request = ownerHeadersChecked(original);
            String account = request.path().account();
            String container = Objects.requireNonNull(request.path().container(), "container");
            return requireAccount(account)
                    .then(Mono.defer(() -> {
                        HttpHeaders headers = BackendHeaders.generate(request, new HttpHeaders(), TRANSFER);
                        services.cache().invalidate(account, container);
                        int replicas = containerReplicas(account, container);
                        return send(request, HttpMethod.POST, account, container, Collections.nCopies(replicas, headers));
                    }));
        });
    }

    Mono<ProxyReply> delete(ProxyRequest request) {
        return Mono.defer(() -> {
            String account = request.path().account();
            String container = Objects.requireNonNull(request.path().container(), "container");
            return requireAccount(account)
                    .then(Mono.defer(() -> {
                        List<HttpHeaders> headers = updates(request, account, container, null);
                        services.cache().invalidate(account, container);
                        return send(request, HttpMethod.DELETE, account, container, headers);
                    }))
                    // 202: no replica had the container.
                    .map(reply -> reply.status() == 202 ? ProxyReply.standard(404, request.exchange()) : reply);
        });
    }

    /** Non-owners may not set the owner-only headers: Swift drops them from the request. */
    private static ProxyRequest ownerHeadersChecked(ProxyRequest request) {
        if (request.context().swiftOwner()) {
            return request;
        }
        return new ProxyRequest(request.path(), request.exchange().mutate()
                .request(builder -> builder.headers(SwiftResponses::removeOwnerHeaders))
                .build());
    }

    /** The account's info for a PUT, creating the account first under {@code account_autocreate}; 404, 503. */
    private Mono<AccountInfo> accountForPut(ProxyRequest request, String account) {
        return services.cache().account(account)
                .flatMap(info -> {
                    if (info.exists() || !services.settings().accountAutocreate()) {
                        return Mono.just(info);
                    }
                    return AccountAutocreate.create(services, request, account)
                            .flatMap(created -> created
                                    ? services.cache().account(account)
                                    : Mono.error(GatewayException.status(503)));
                })
                .filter(AccountInfo::exists)
                .switchIfEmpty(Mono.error(() -> GatewayException.status(404)));
    }

    private Mono<Void> requireAccount(String account) {
        return services.cache().account(account)
                .filter(AccountInfo::exists)
                .switchIfEmpty(Mono.error(() -> GatewayException.status(404)))
                .then();
    }

    /** {@code max_containers_per_account}: 403 for a new container of an account at its limit. */
    private Mono<Void> checkContainerLimit(String account, String container, AccountInfo info) {
        if (!services.settings().atContainerLimit(account, info.containerCount())) {
            return Mono.empty();
        }
        return services.cache().container(account, container)
                .flatMap(existing -> existing.exists()
                        ? Mono.<Void>empty()
                        : Mono.error(GatewayException.withBody(403, "Reached container limit of "
                                + services.settings().maxContainersPerAccount())));
    }

    /** Swift's {@code _backend_requests}: one header set per container replica, with account updates. */
    private List<HttpHeaders> updates(ProxyRequest request, String account, String container,
            @Nullable Integer policyIndex) {
        HttpHeaders additional = new HttpHeaders();
        additional.set("X-Timestamp", Timestamp.now().internal());
        if (policyIndex == null) {
            additional.set("X-Backend-Storage-Policy-Default", Integer.toString(services.policies().defaultPolicy().index()));
        } else {
            additional.set("X-Backend-Storage-Policy-Index", Integer.toString(policyIndex));
        }
        HttpHeaders common = BackendHeaders.generate(request, additional, TRANSFER);
        Ring accounts = services.rings().account();
        int accountPartition = accounts.partition(account, null, null);
        return AccountUpdateHeaders.assign(containerReplicas(account, container), common, accountPartition,
                accounts.primaryNodes(accountPartition));
    }

    private int containerReplicas(String account, String container) {
        Ring ring = services.rings().container();
        return ring.primaryNodes(ring.partition(account, container, null)).size();
    }

    private Mono<ProxyReply> send(ProxyRequest request, HttpMethod method, String account, String container,
            List<HttpHeaders> headers) {
        Ring ring = services.rings().container();
        int partition = ring.partition(account, container, null);
        return services.writes().send(new FanOutRequest(ring, partition, method, "/" + account + "/" + container,
                        null, headers, Map.of()))
                .map(reply -> SwiftResponses.fromBackend(reply, request.exchange()));
    }
}
