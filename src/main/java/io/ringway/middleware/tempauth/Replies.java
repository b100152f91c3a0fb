package io.ringway.middleware.tempauth;

import io.ringway.swift.SwiftStatus;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Answers the stage sends itself, with Swift's bodies and content types. */
final class Replies {

    static final String HTML = "text/html; charset=UTF-8";
    static final String TEXT = "text/plain; charset=UTF-8";

    private Replies() {
    }

    /** Swift's default body for the status ({@code <html><h1>Unauthorized</h1>...}). */
    static Mono<Void> status(ServerWebExchange exchange, int status) {
        return send(exchange, status, HTML, SwiftStatus.defaultBody(status));
    }

    /** 401 with the {@code Www-Authenticate} realm Swift gives. */
    static Mono<Void> unauthorized(ServerWebExchange exchange, String realm) {
        exchange.getResponse().getHeaders().set("Www-Authenticate", "Swift realm=\"" + realm + "\"");
        return status(exchange, 401);
    }

    // HEAD answers lose their body in WebFlux's HttpHeadResponseDecorator, keeping its length.
    static Mono<Void> send(ServerWebExchange exchange, int status, String contentType, String body) {
        ServerHttpResponse response = exchange.getResponse();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatusCode(HttpStatusCode.valueOf(status));
        response.getHeaders().set("Content-Type", contentType);
        response.getHeaders().setContentLength(bytes.length);
        if (bytes.length == 0) {
            return response.setComplete();
        }
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(bytes)));
    }
}
