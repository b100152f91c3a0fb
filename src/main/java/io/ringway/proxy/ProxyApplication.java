package io.ringway.proxy;

import static java.util.Objects.requireNonNull;

import io.ringway.api.error.GatewayException;
import io.ringway.api.swift.SwiftPath;
import io.ringway.proxy.cors.Cors;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;
import reactor.core.publisher.Mono;

/**
 * The end of the pipeline, as Swift's proxy {@code Application.handle_request}: refuses a
 * negative {@code Content-Length}, splits the path ({@link SwiftPath}: 412, 404, 400 as Swift),
 * picks the controller, answers 405 with {@code Allow} for a method it does not have, and writes
 * the controller's reply. Every controller answers OPTIONS ({@link Cors}: Swift's base
 * {@code Controller.OPTIONS}), and container and object requests with an {@code Origin} get
 * Swift's CORS headers. Authorization happened before, in the auth stage.
 */
public final class ProxyApplication implements WebHandler {

    private final List<String> validApiVersions;
    private final Controller info;
    private final Controller account;
    private final Controller container;
    /** The order {@code Allow} lists methods in (Swift's is a set's; this one is its /info's). */
    private static final List<String> ALLOW_ORDER = List.of("HEAD", "GET", "PUT", "POST", "OPTIONS", "DELETE");

    private final Controller object;
    private final Cors cors;

    public ProxyApplication(List<String> validApiVersions, Controller info, Controller account, Controller container,
            Controller object, Cors cors) {
        this.validApiVersions = List.copyOf(validApiVersions);
        this.info = requireNonNull(info, "info");
        this.account = requireNonNull(account, "account");
        this.container = requireNonNull(container, "container");
        this.object = requireNonNull(object, "object");
        this.cors = requireNonNull(cors, "cors");
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange) {
        return Mono.defer(() -> reply(exchange))
                .publishOn(ServerLoop.of(exchange))
                .flatMap(reply -> reply.writeTo(exchange));
    }

    private Mono<ProxyReply> reply(ServerWebExchange exchange) {
        if (exchange.getRequest().getHeaders().getContentLength() < -1) {
            throw GatewayException.withBody(400, "Invalid Content-Length");
        }
        SwiftPath path = SwiftPath.parse(exchange.getRequest().getPath().value(), validApiVersions);
        Controller controller = switch (path.kind()) {
            case INFO -> info;
            case ACCOUNT -> account;
            case CONTAINER -> container;
            case OBJECT -> object;
        };
        String method = exchange.getRequest().getMethod().name();
        Set<String> allowed = new LinkedHashSet<>(controller.allowedMethods());
        allowed.add("OPTIONS");
        if (!allowed.contains(method)) {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.ALLOW, allowHeader(allowed));
            throw new GatewayException(405, null, GatewayException.HTML_UTF8, headers, null);
        }
        if (method.equals("OPTIONS")) {
            return cors.options(path, allowed, allowHeader(allowed), exchange);
        }
        ProxyRequest request = new ProxyRequest(path, exchange);
        return cors.validated(request, () -> controller.handle(request));
    }

    private static String allowHeader(Set<String> allowed) {
        List<String> methods = new ArrayList<>(ALLOW_ORDER);
        methods.retainAll(allowed);
        allowed.stream()
                .filter(method -> !ALLOW_ORDER.contains(method))
                .sorted()
                .forEach(methods::add);
        return String.join(", ", methods);
    }
}
