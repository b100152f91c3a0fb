package io.ringway.proxy.container;

import static java.util.Objects.requireNonNull;

import io.ringway.api.error.GatewayException;
import io.ringway.backend.DatabaseGetRequest;
import io.ringway.proxy.BackendHeaders;
import io.ringway.proxy.Controller;
import io.ringway.proxy.DatabaseServices;
import io.ringway.proxy.ListingQuery;
import io.ringway.proxy.ProxyReply;
import io.ringway.proxy.ProxyRequest;
import io.ringway.proxy.SwiftResponses;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Mono;

/**
 * Swift's container controller ({@code swift/proxy/controllers/container.py}) for
 * {@code /v1/<account>/<container>}: GET (the object listing, asked of the nodes as JSON for
 * {@code listing_formats} to convert; 412 over the listing limit, 400 for a parameter that is not
 * UTF-8) and HEAD, one replica at a time, {@code X-Storage-Policy} named; PUT (policy from
 * {@code X-Storage-Policy}, the account created first under {@code account_autocreate},
 * {@code max_containers_per_account}), POST and DELETE to every replica, PUT and DELETE telling
 * the account's replicas. The account must exist (404), except for auto-created accounts
 * ({@code auto_create_account_prefix}). The container ACLs and sync and temp URL keys are shown
 * to and taken from the account's owner only. Every write drops the container's cached info.
 * Sharded containers are not supported: listings come from the container's own database.
 */
public final class ContainerController implements Controller {

    /** Swift's {@code validate_container_params}: parameters that must be UTF-8. */
    private static final List<String> UTF8_PARAMS = List.of("marker", "end_marker", "prefix", "delimiter", "path",
            "format", "reverse", "states", "includes");

    private final DatabaseServices services;
    private final ContainerWrites writes;

    public ContainerController(DatabaseServices services) {
        this.services = requireNonNull(services, "services");
        this.writes = new ContainerWrites(services);
    }

    @Override
    public Set<String> allowedMethods() {
        return Set.of("GET", "HEAD", "PUT", "POST", "DELETE");
    }

    @Override
    public Mono<ProxyReply> handle(ProxyRequest request) {
        return switch (request.method()) {
            case "GET", "HEAD" -> getOrHead(request);
            case "PUT" -> writes.put(request);
            case "POST" -> writes.post(request);
            case "DELETE" -> writes.delete(request);
            default -> Mono.error(GatewayException.status(405));
        };
    }

    private Mono<ProxyReply> getOrHead(ProxyRequest request) {
        return Mono.defer(() -> {
            ListingQuery query = ListingQuery.parse(request.rawQuery());
            if (request.method().equals("GET")) {
                query.requireUtf8(UTF8_PARAMS);
                services.constraints().containerListingLimit(query.get("limit"));
            }
            String account = request.path().account();
            String container = requireNonNull(request.path().container(), "container");
            return accountExists(account)
                    .flatMap(exists -> exists
                            ? fromNodes(request, account, container, query)
                            : Mono.error(GatewayException.status(404)));
        });
    }

    /** Swift's {@code account_info} check; accounts of {@code auto_create_account_prefix} need none. */
    private Mono<Boolean> accountExists(String account) {
        if (account.startsWith(services.autoCreateAccountPrefix())) {
            return Mono.just(true);
        }
        return services.cache().account(account)
                .map(info -> info.exists());
    }

    private Mono<ProxyReply> fromNodes(ProxyRequest request, String account, String container, ListingQuery query) {
        HttpHeaders headers = BackendHeaders.generate(request, BackendHeaders.clientHeaders(request.headers()),
                BackendHeaders.Transfer.NONE);
        DatabaseGetRequest get = new DatabaseGetRequest(HttpMethod.valueOf(request.method()),
                services.rings().container(), account, container, query.asJson(), headers);
        return services.reads().get(get)
                .map(response -> {
                    ProxyReply reply = SwiftResponses.fromDatabase(response, services.policies(), request.exchange());
                    // Swift caches what it just learned; forgetting it makes the next lookup learn it the same way.
                    services.cache().invalidate(account, container);
                    if (!request.context().swiftOwner()) {
                        SwiftResponses.removeOwnerHeaders(reply.headers());
                    }
                    return reply;
                });
    }
}
