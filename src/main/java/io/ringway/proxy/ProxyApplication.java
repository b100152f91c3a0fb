package io.ringway.proxy;

import static java.util.Objects.requireNonNull;

import io.ringway.api.error.GatewayException;
import io.ringway.api.swift.SwiftPath;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;
import reactor.core.publisher.Mono;

/**
 * The end of the pipeline, as Swift's proxy {@code Application.handle_request}: refuses a
 * negative {@code Content-Length}, splits the path ({@link SwiftPath}: 412, 404, 400 as Swift),
 * picks the controller, answers 405 with {@code Allow} for a method it does not have, and writes
 * the controller's reply. Authorization happened before, in the auth stage.
 */
public final class ProxyApplication implements WebHandler {

    private final List<String> validApiVersions;
    private final Controller info;
    private final Controller account;
    private final Controller container;
    private final Controller object;

    public ProxyApplication(List<String> validApiVersions, Controller info, Controller account, Controller container,
            Controller object) {
        this.validApiVersions = List.copyOf(validApiVersions);
        this.info = requireNonNull(info, "info");
        this.account = requireNonNull(account, "account");
        this.container = requireNonNull(container, "container");
        this.object = requireNonNull(object, "object");
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
        if (!controller.allowedMethods().contains(method)) {
            HttpHeaders allow = new HttpHeaders();
            allow.set(HttpHeaders.ALLOW, String.join(", ", controller.allowedMethods()));
            throw new GatewayException(405, null, GatewayException.HTML_UTF8, allow, null);
        }
        return controller.handle(new ProxyRequest(path, exchange));
    }
}
