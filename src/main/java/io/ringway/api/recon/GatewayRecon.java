package io.ringway.api.recon;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /recon/<check>} on the gateway's port, ahead of the middleware pipeline and without
 * authentication, as Swift's recon answers on storage nodes: each check a JSON document, an
 * unknown check 404 with Swift's {@code Invalid path: <path>}. Checks: the host's and the
 * cluster files' ({@link HostRecon}) and {@code federation} (the targets' health).
 */
public final class GatewayRecon implements WebFilter, Ordered {

    private static final String PREFIX = "/recon/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Supplier<Mono<?>>> checks;
    private final Predicate<ServerWebExchange> applies;
    private final int order;

    /**
     * @param checks each check's document by name
     * @param applies which exchanges are the gateway's (the management server shares WebFilters)
     * @param order its place among WebFilters: ahead of the pipeline's
     */
    public GatewayRecon(Map<String, Supplier<Mono<?>>> checks, Predicate<ServerWebExchange> applies, int order) {
        this.checks = Map.copyOf(checks);
        this.applies = requireNonNull(applies, "applies");
        this.order = order;
    }

    @Override
    public int getOrder() {
        return order;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        HttpMethod method = exchange.getRequest().getMethod();
        if (!path.startsWith(PREFIX) || !(HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method))
                || !applies.test(exchange)) {
            return chain.filter(exchange);
        }
        Supplier<Mono<?>> check = checks.get(path.substring(PREFIX.length()));
        ServerHttpResponse response = exchange.getResponse();
        if (check == null) {
            response.setStatusCode(HttpStatus.NOT_FOUND);
            return write(response, "Invalid path: " + path, "text/plain");
        }
        return check.get().flatMap(document -> write(response, JSON.writeValueAsString(document),
                "application/json"));
    }

    private static Mono<Void> write(ServerHttpResponse response, String body, String type) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.getHeaders().set(HttpHeaders.CONTENT_TYPE, type);
        response.getHeaders().setContentLength(bytes.length);
        DataBuffer buffer = response.bufferFactory().wrap(bytes);
        return response.writeWith(Mono.just(buffer));
    }
}
