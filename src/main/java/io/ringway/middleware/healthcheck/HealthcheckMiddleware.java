package io.ringway.middleware.healthcheck;

import static java.util.Objects.requireNonNull;

import io.ringway.middleware.Middleware;
import io.ringway.middleware.MiddlewareChain;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code healthcheck} (Swift's {@code healthcheck.py}): a request for {@code /healthcheck}, any
 * method, is answered {@code 200 OK} (text/plain) without going further; when
 * {@code disable_path} names a file that exists, {@code 503 DISABLED BY FILE}. Other paths
 * pass. Put it early (after {@code gatekeeper}) so that the check costs nothing else.
 *
 * <p>Config: {@code ringway.middleware.healthcheck.disable_path}.
 */
final class HealthcheckMiddleware implements Middleware {

    static final String PATH = "/healthcheck";

    private final @Nullable Path disablePath;

    HealthcheckMiddleware(HealthcheckConfig config) {
        String path = requireNonNull(config, "config").disablePath();
        this.disablePath = path.isEmpty() ? null : Path.of(path);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, MiddlewareChain next) {
        if (!PATH.equals(exchange.getRequest().getPath().value())) {
            return next.next(exchange);
        }
        Path disable = disablePath;
        if (disable == null) {
            return answer(exchange.getResponse(), HttpStatus.OK, "OK");
        }
        // A file system check: off the event loop.
        return Mono.fromCallable(() -> Files.exists(disable))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(disabled -> disabled
                        ? answer(exchange.getResponse(), HttpStatus.SERVICE_UNAVAILABLE, "DISABLED BY FILE")
                        : answer(exchange.getResponse(), HttpStatus.OK, "OK"));
    }

    private static Mono<Void> answer(ServerHttpResponse response, HttpStatus status, String text) {
        byte[] body = text.getBytes(StandardCharsets.US_ASCII);
        response.setStatusCode(status);
        response.getHeaders().set(HttpHeaders.CONTENT_TYPE, "text/plain");
        response.getHeaders().setContentLength(body.length);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }
}
