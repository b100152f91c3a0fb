package io.ringway.middleware.copy;

import io.ringway.api.error.GatewayException;
import io.ringway.middleware.Middleware;
import io.ringway.middleware.MiddlewareChain;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The {@code copy} stage (see {@link CopyFactory}): recognizes the copies among object requests
 * and rewrites a {@code COPY} into the PUT Swift makes of it; {@link ServerSideCopy} does the copy.
 */
final class CopyMiddleware implements Middleware {

    private final ServerSideCopy copy;

    CopyMiddleware(ServerSideCopy copy) {
        this.copy = copy;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, MiddlewareChain next) {
        String path = CopyPaths.unquote(exchange.getRequest().getPath().pathWithinApplication().value());
        String[] segments = CopyPaths.split(path, 4);
        if (segments == null) {
            return next.next(exchange);
        }
        HttpHeaders headers = exchange.getRequest().getHeaders();
        String method = exchange.getRequest().getMethod().name();
        Query query = Query.parse(exchange.getRequest().getURI().getRawQuery());
        String copyFrom = headers.getFirst("X-Copy-From");
        if (method.equals("PUT") && copyFrom != null && !copyFrom.isEmpty()) {
            return Mono.defer(() -> copy.put(exchange, next, new CopyRequest(segments[0], segments[1], segments[2],
                    segments[3], HttpHeaders.copyOf(headers), query, false)));
        }
        if (method.equals("COPY")) {
            return Mono.defer(() -> copy.put(exchange, next, rewrite(segments, headers, query)));
        }
        if (method.equals("OPTIONS")) {
            advertiseCopy(exchange.getResponse());
        }
        return next.next(exchange);
    }

    // Swift's handle_COPY: a PUT of Destination (in Destination-Account) with X-Copy-From this object.
    private static CopyRequest rewrite(String[] segments, HttpHeaders headers, Query query) {
        String destination = headers.getFirst("Destination");
        if (destination == null || destination.isEmpty()) {
            throw GatewayException.withBody(412, "Destination header required");
        }
        HttpHeaders put = HttpHeaders.copyOf(headers);
        String account = segments[1];
        if (headers.containsHeader("Destination-Account")) {
            account = CopyPaths.account(headers.getFirst("Destination-Account"));
            put.set("X-Copy-From-Account", CopyPaths.quote(segments[1]));
            put.remove("Destination-Account");
        }
        String[] target = CopyPaths.containerAndObject("Destination", destination);
        // A COPY's own body is ignored, as in Swift, which sets Content-Length: 0.
        put.remove(HttpHeaders.TRANSFER_ENCODING);
        put.setContentLength(0);
        put.set("X-Copy-From", CopyPaths.quote("/" + segments[2] + "/" + segments[3]));
        put.remove("Destination");
        return new CopyRequest(segments[0], account, target[0], target[1], put, query, true);
    }

    // Swift's handle_OPTIONS_request: an object's successful OPTIONS also allows COPY.
    private static void advertiseCopy(ServerHttpResponse response) {
        response.beforeCommit(() -> {
            HttpStatusCode status = response.getStatusCode();
            if (status == null || status.is2xxSuccessful()) {
                addCopy(response.getHeaders(), HttpHeaders.ALLOW);
                addCopy(response.getHeaders(), HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS);
            }
            return Mono.empty();
        });
    }

    private static void addCopy(HttpHeaders headers, String name) {
        String value = headers.getFirst(name);
        if (value != null && !value.contains("COPY")) {
            headers.set(name, value + ", COPY");
        }
    }
}
