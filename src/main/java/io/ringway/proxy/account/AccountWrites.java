package io.ringway.proxy.account;

import io.ringway.api.error.GatewayException;
import io.ringway.api.swift.EdgeConstraints;
import io.ringway.backend.BackendReply;
import io.ringway.backend.FanOutRequest;
import io.ringway.proxy.AccountAutocreate;
import io.ringway.proxy.BackendHeaders;
import io.ringway.proxy.DatabaseServices;
import io.ringway.proxy.ProxyReply;
import io.ringway.proxy.ProxyRequest;
import io.ringway.proxy.SwiftResponses;
import io.ringway.ring.Ring;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Mono;

/** The account controller's PUT, POST and DELETE: the same request to every replica, the best answer. */
final class AccountWrites {

    private static final BackendHeaders.Transfer TRANSFER = new BackendHeaders.Transfer("account", Set.of(), Set.of());

    private final DatabaseServices services;

    AccountWrites(DatabaseServices services) {
        this.services = services;
    }

    Mono<ProxyReply> put(ProxyRequest request) {
        return Mono.defer(() -> {
            refuseUnlessManaged();
            String account = request.path().account();
            services.constraints().checkMetadata(request.headers(), EdgeConstraints.Target.ACCOUNT);
            services.constraints().checkAccountName(account);
            HttpHeaders headers = BackendHeaders.generate(request, new HttpHeaders(), TRANSFER);
            services.cache().invalidate(account);
            return send(HttpMethod.PUT, account, headers)
                    .map(reply -> withAcl(request, reply));
        });
    }

    Mono<ProxyReply> post(ProxyRequest request) {
        return Mono.defer(() -> {
            String account = request.path().account();
            services.constraints().checkAccountName(account);
            services.constraints().checkMetadata(request.headers(), EdgeConstraints.Target.ACCOUNT);
            HttpHeaders headers = BackendHeaders.generate(request, new HttpHeaders(), TRANSFER);
            services.cache().invalidate(account);
            return send(HttpMethod.POST, account, headers)
                    .flatMap(reply -> reply.status() == 404 && services.settings().accountAutocreate()
                            ? AccountAutocreate.create(services, request, account)
                                    .then(send(HttpMethod.POST, account, headers))
                            : Mono.just(reply))
                    .map(reply -> withAcl(request, reply));
        });
    }

    Mono<ProxyReply> delete(ProxyRequest request) {
        return Mono.defer(() -> {
            // Swift's safety net: a query string here was probably meant for some middleware.
            String query = request.rawQuery();
            if (query != null && !query.isEmpty()) {
                throw GatewayException.status(400);
            }
            refuseUnlessManaged();
            String account = request.path().account();
            HttpHeaders headers = BackendHeaders.generate(request, new HttpHeaders(), BackendHeaders.Transfer.NONE);
            services.cache().invalidate(account);
            return send(HttpMethod.DELETE, account, headers)
                    .map(reply -> SwiftResponses.fromBackend(reply, request.exchange()));
        });
    }

    private void refuseUnlessManaged() {
        if (!services.settings().allowAccountManagement()) {
            HttpHeaders allow = new HttpHeaders();
            allow.set(HttpHeaders.ALLOW, "GET, HEAD, POST");
            throw new GatewayException(405, null, GatewayException.HTML_UTF8, allow, null);
        }
    }

    private Mono<BackendReply> send(HttpMethod method, String account, HttpHeaders headers) {
        return Mono.defer(() -> {
            Ring ring = services.rings().account();
            int partition = ring.partition(account, null, null);
            int replicas = ring.primaryNodes(partition).size();
            return services.writes().send(new FanOutRequest(ring, partition, method, "/" + account, null,
                    Collections.nCopies(replicas, headers), Map.of()));
        });
    }

    /** Swift's {@code add_acls_from_sys_metadata} on the answer of a PUT or POST (owner or not, as Swift). */
    private ProxyReply withAcl(ProxyRequest request, BackendReply reply) {
        ProxyReply answer = SwiftResponses.fromBackend(reply, request.exchange());
        AccountAcl.showToOwner(answer.headers());
        return answer;
    }
}
