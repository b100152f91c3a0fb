package io.ringway.proxy.account;

import static java.util.Objects.requireNonNull;

import io.ringway.api.error.GatewayException;
import io.ringway.backend.DatabaseGetRequest;
import io.ringway.backend.DatabaseResponse;
import io.ringway.proxy.BackendHeaders;
import io.ringway.proxy.Controller;
import io.ringway.proxy.DatabaseServices;
import io.ringway.proxy.ListingQuery;
import io.ringway.proxy.ProxyReply;
import io.ringway.proxy.ProxyRequest;
import io.ringway.proxy.SwiftResponses;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Mono;

/**
 * Swift's account controller ({@code swift/proxy/controllers/account.py}) for
 * {@code /v1/<account>}: GET (a listing of containers, asked of the nodes as JSON for
 * {@code listing_formats} to convert) and HEAD, one replica at a time; POST of metadata to every
 * replica; PUT and DELETE only with {@code allow_account_management} (405 otherwise).
 *
 * <p>A missing account is 404, 410 once deleted; with {@code account_autocreate} GET and HEAD
 * answer as for an empty account (Swift's fake listing) and POST creates it first. Only the
 * account's owner ({@code swift_owner}) sees {@code X-Account-Access-Control} and the temp URL
 * keys. Every write drops the account's cached info.
 */
public final class AccountController implements Controller {

    private final DatabaseServices services;
    private final AccountWrites writes;
    private final Set<String> allowed;

    public AccountController(DatabaseServices services) {
        this.services = requireNonNull(services, "services");
        this.writes = new AccountWrites(services);
        Set<String> methods = new LinkedHashSet<>(List.of("GET", "HEAD", "POST"));
        if (services.settings().allowAccountManagement()) {
            methods.addAll(List.of("PUT", "DELETE"));
        }
        this.allowed = Set.copyOf(methods);
    }

    @Override
    public Set<String> allowedMethods() {
        return allowed;
    }

    @Override
    public Mono<ProxyReply> handle(ProxyRequest request) {
        return switch (request.method()) {
            case "GET", "HEAD" -> getOrHead(request);
            case "POST" -> writes.post(request);
            case "PUT" -> writes.put(request);
            case "DELETE" -> writes.delete(request);
            default -> Mono.error(GatewayException.status(405));
        };
    }

    private Mono<ProxyReply> getOrHead(ProxyRequest request) {
        return Mono.defer(() -> {
            String account = request.path().account();
            services.constraints().checkAccountName(account);
            HttpHeaders headers = BackendHeaders.generate(request, BackendHeaders.clientHeaders(request.headers()),
                    BackendHeaders.Transfer.NONE);
            String query = ListingQuery.parse(request.rawQuery()).asJson();
            DatabaseGetRequest get = new DatabaseGetRequest(HttpMethod.valueOf(request.method()),
                    services.rings().account(), account, null, query, headers);
            return services.reads().get(get)
                    .map(response -> answer(request, account, response));
        });
    }

    private ProxyReply answer(ProxyRequest request, String account, DatabaseResponse response) {
        ProxyReply reply = SwiftResponses.fromDatabase(response, services.policies(), request.exchange());
        if (reply.status() == 404) {
            String status = response.headers().getFirst("X-Account-Status");
            if ("deleted".equalsIgnoreCase(status)) {
                reply = new ProxyReply(410, reply.headers(), reply.body());
            } else if (services.settings().accountAutocreate()) {
                reply.discard().subscribe();
                reply = FakeAccountListing.reply(request.exchange());
            }
        }
        // Swift caches what it just learned; forgetting it makes the next lookup learn it the same way.
        services.cache().invalidate(account);
        if (request.context().swiftOwner()) {
            AccountAcl.showToOwner(reply.headers());
        } else {
            SwiftResponses.removeOwnerHeaders(reply.headers());
        }
        return reply;
    }
}
