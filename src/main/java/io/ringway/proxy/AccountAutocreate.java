package io.ringway.proxy;

import io.ringway.backend.FanOutRequest;
import io.ringway.ring.Ring;
import io.ringway.swift.Timestamp;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Mono;

/**
 * Swift's {@code autocreate_account}: a PUT of the account to its replicas, carrying the
 * request's {@code X-Account-Sysmeta-*} headers; on success the account's cached info is
 * dropped. Used by container PUT and account POST when {@code account_autocreate} is on.
 */
public final class AccountAutocreate {

    private static final Logger LOG = LoggerFactory.getLogger(AccountAutocreate.class);

    private AccountAutocreate() {
    }

    /** Whether the account was created (a 2xx from a quorum). */
    public static Mono<Boolean> create(DatabaseServices services, ProxyRequest request, String account) {
        return Mono.defer(() -> {
            Ring ring = services.rings().account();
            int partition = ring.partition(account, null, null);
            HttpHeaders headers = new HttpHeaders();
            headers.set("X-Timestamp", Timestamp.now().internal());
            String transactionId = request.transactionId();
            if (transactionId != null) {
                headers.set("X-Trans-Id", transactionId);
                headers.set("X-Openstack-Request-Id", transactionId);
            }
            headers.set(HttpHeaders.USER_AGENT, BackendHeaders.USER_AGENT);
            request.headers().forEach((name, values) -> {
                if (name.toLowerCase(Locale.ROOT).startsWith("x-account-sysmeta-")) {
                    headers.put(name, values);
                }
            });
            int replicas = ring.primaryNodes(partition).size();
            FanOutRequest put = new FanOutRequest(ring, partition, HttpMethod.PUT, "/" + account, null,
                    Collections.nCopies(replicas, headers), Map.of());
            return services.writes().send(put)
                    .map(reply -> {
                        boolean created = reply.status() >= 200 && reply.status() < 300;
                        if (created) {
                            LOG.info("autocreate account '/{}'", account);
                            services.cache().invalidate(account);
                        } else {
                            LOG.warn("Could not autocreate account '/{}'", account);
                        }
                        return created;
                    });
        });
    }
}
