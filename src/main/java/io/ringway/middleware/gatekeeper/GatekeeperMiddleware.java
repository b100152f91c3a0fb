package io.ringway.middleware.gatekeeper;

import static java.util.Objects.requireNonNull;

import io.ringway.middleware.Middleware;
import io.ringway.middleware.MiddlewareChain;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code gatekeeper} (Swift's {@code gatekeeper.py}). Must come right after {@code catch_errors}
 * and before every stage that uses system metadata, and is added there when missing: a client
 * must not be able to set, nor see, what only the gateway and the storage nodes exchange.
 *
 * <ul>
 *   <li>Removed from requests and from responses: headers starting with {@code X-Backend},
 *       {@code X-Account-Sysmeta-}, {@code X-Container-Sysmeta-}, {@code X-Object-Sysmeta-} and
 *       {@code X-Object-Transient-Sysmeta-} (any case).
 *   <li>A client's {@code X-Timestamp} becomes {@code X-Backend-Inbound-X-Timestamp}
 *       ({@code shunt_inbound_x_timestamp}, default true); {@code X-Allow-Reserved-Names}
 *       becomes {@code X-Backend-Allow-Reserved-Names} when {@code allow_reserved_names_header}.
 * </ul>
 *
 * <p>Config: {@code ringway.middleware.gatekeeper.shunt_inbound_x_timestamp},
 * {@code .allow_reserved_names_header}. Removed headers are logged at debug. Not ported: Swift's
 * relative {@code Location} rewrite for {@code swift.leave_relative_location}, which only stages
 * that do not exist yet (staticweb, symlink redirects) ask for.
 */
final class GatekeeperMiddleware implements Middleware {

    private static final Logger log = LoggerFactory.getLogger(GatekeeperMiddleware.class);

    /** Swift's {@code inbound_exclusions}, also its {@code outbound_exclusions}; matched as prefixes. */
    static final List<String> EXCLUDED_PREFIXES = List.of("x-account-sysmeta-", "x-container-sysmeta-",
            "x-object-sysmeta-", "x-object-transient-sysmeta-", "x-backend");

    private final GatekeeperConfig config;

    GatekeeperMiddleware(GatekeeperConfig config) {
        this.config = requireNonNull(config, "config");
    }

    static boolean excluded(String header) {
        // Every header of every request and response comes here: no lower-cased copy, no stream,
        // and a name not starting with an x (most of them) is let go at once.
        if (header.isEmpty() || (header.charAt(0) | 0x20) != 'x') {
            return false;
        }
        for (String prefix : EXCLUDED_PREFIXES) {
            if (header.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, MiddlewareChain next) {
        // Most requests carry nothing to remove or shunt: they go on as they are, without the
        // copy of every header that mutating a request makes.
        ServerWebExchange filtered = needsFiltering(exchange.getRequest().getHeaders())
                ? exchange.mutate().request(request -> request.headers(this::filterRequest)).build()
                : exchange;
        ServerHttpResponse response = exchange.getResponse();
        response.beforeCommit(() -> {
            removeExcluded(response.getHeaders(), "response");
            return Mono.empty();
        });
        return next.next(filtered);
    }

    private boolean needsFiltering(HttpHeaders headers) {
        for (String name : headers.headerNames()) {
            if (excluded(name)
                    || config.shuntInboundXTimestamp() && name.equalsIgnoreCase("X-Timestamp")
                    || config.allowReservedNamesHeader() && name.equalsIgnoreCase("X-Allow-Reserved-Names")) {
                return true;
            }
        }
        return false;
    }

    private void filterRequest(HttpHeaders headers) {
        removeExcluded(headers, "request");
        String timestamp = headers.getFirst("X-Timestamp");
        if (timestamp != null && config.shuntInboundXTimestamp()) {
            headers.remove("X-Timestamp");
            headers.set("X-Backend-Inbound-X-Timestamp", timestamp);
            log.debug("shunted request headers: [X-Timestamp: {}]", timestamp);
        }
        String reserved = headers.getFirst("X-Allow-Reserved-Names");
        if (reserved != null && config.allowReservedNamesHeader()) {
            headers.remove("X-Allow-Reserved-Names");
            headers.set("X-Backend-Allow-Reserved-Names", reserved);
        }
    }

    private static void removeExcluded(HttpHeaders headers, String what) {
        List<String> removed = null;
        for (String name : headers.headerNames()) {
            if (excluded(name)) {
                if (removed == null) {
                    removed = new ArrayList<>();
                }
                removed.add(name);
            }
        }
        if (removed != null) {
            removed.forEach(headers::remove);
            log.debug("removed {} headers: {}", what, removed);
        }
    }
}
