package io.ringway.proxy.cors;

import static java.util.Objects.requireNonNull;

import io.ringway.api.swift.SwiftPath;
import io.ringway.backend.InfoSource;
import io.ringway.middleware.DelayedDenial;
import io.ringway.proxy.ProxyReply;
import io.ringway.proxy.ProxyRequest;
import io.ringway.swift.SwiftStatus;
import java.util.Collection;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * OPTIONS and CORS for every controller, as Swift's base {@code Controller.OPTIONS} and
 * {@code cors_validation}: a container's CORS settings come from its info (the gateway's cache).
 * Account and {@code /info} OPTIONS get the plain answer, as in Swift, which has no CORS above
 * containers. As the {@link DelayedDenial} of the auth stages, it gives their 401 and 403 to
 * the requests Swift denies from inside a decorated controller method the same headers.
 */
public final class Cors implements DelayedDenial {

    private static final String HTML = "text/html; charset=UTF-8";

    private static final Set<String> OBJECT_DELAYED = Set.of("GET", "HEAD", "PUT", "POST", "DELETE");

    private final CorsPolicy policy;
    private final InfoSource info;

    public Cors(CorsPolicy policy, InfoSource info) {
        this.policy = requireNonNull(policy, "policy");
        this.info = requireNonNull(info, "info");
    }

    /**
     * The answer to OPTIONS: 200 with {@code Allow} without an {@code Origin}; a preflight of a
     * container or object gets the CORS headers, or 401 when the origin or requested method is
     * not allowed.
     *
     * @param allowedMethods the resource's methods, OPTIONS among them
     * @param allow those methods as the {@code Allow} header
     */
    public Mono<ProxyReply> options(SwiftPath path, Collection<String> allowedMethods, String allow,
            ServerWebExchange exchange) {
        HttpHeaders request = exchange.getRequest().getHeaders();
        String origin = request.getFirst(HttpHeaders.ORIGIN);
        String container = path.container();
        if (origin == null || origin.isEmpty() || container == null || path.kind() == SwiftPath.Kind.INFO) {
            return Mono.just(plain(200, allow, exchange));
        }
        return info.container(path.account(), container)
                .map(ContainerCors::of)
                .mapNotNull(cors -> policy.preflight(allowedMethods, allow, cors, origin, request))
                .map(headers -> ProxyReply.text(200, headers, "", exchange))
                .switchIfEmpty(Mono.fromSupplier(() -> plain(401, allow, exchange)));
    }

    /**
     * Runs {@code handler} for a request to a container or object; when it has an {@code Origin},
     * the answer (an error too) gets the {@code Access-Control-*} headers the container's and
     * proxy's settings give it.
     */
    public Mono<ProxyReply> validated(ProxyRequest request, Supplier<Mono<ProxyReply>> handler) {
        String origin = request.headers().getFirst(HttpHeaders.ORIGIN);
        String container = request.path().container();
        if (origin == null || origin.isEmpty() || container == null) {
            return handler.get();
        }
        return info.container(request.path().account(), container)
                .map(ContainerCors::of)
                .flatMap(cors -> {
                    decorateOnCommit(request.exchange().getResponse(), cors, origin);
                    return handler.get();
                });
    }

    /**
     * An auth stage's denial of a container GET or HEAD, or of an object GET, HEAD, PUT, POST or
     * DELETE (Swift's {@code delay_denial} methods, all under {@code cors_validation}) gets the
     * CORS headers of an answer from the app.
     */
    @Override
    public Mono<Void> beforeDenial(ServerWebExchange exchange, String account, @Nullable String container,
            @Nullable String object) {
        String origin = exchange.getRequest().getHeaders().getFirst(HttpHeaders.ORIGIN);
        String method = exchange.getRequest().getMethod().name();
        boolean delayed = object == null
                ? method.equals("GET") || method.equals("HEAD")
                : OBJECT_DELAYED.contains(method);
        if (origin == null || origin.isEmpty() || container == null || !delayed) {
            return Mono.empty();
        }
        return info.container(account, container)
                .map(ContainerCors::of)
                .doOnNext(cors -> decorateOnCommit(exchange.getResponse(), cors, origin))
                .then();
    }

    // On commit rather than on the reply: an error the exception handler renders gets the headers
    // too, as Swift's decorator sees the controller's error responses.
    private void decorateOnCommit(ServerHttpResponse response, ContainerCors cors, String origin) {
        response.beforeCommit(() -> Mono.fromRunnable(() -> policy.decorate(response.getHeaders(), cors, origin)));
    }

    // swob's Response: text/html, the Allow header, the status's default body (none for 200).
    private static ProxyReply plain(int status, String allow, ServerWebExchange exchange) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.CONTENT_TYPE, HTML);
        headers.set(HttpHeaders.ALLOW, allow);
        return ProxyReply.text(status, headers, status == 200 ? "" : SwiftStatus.defaultBody(status), exchange);
    }
}
