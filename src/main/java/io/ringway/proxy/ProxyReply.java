package io.ringway.proxy;

import static java.util.Objects.requireNonNull;

import io.ringway.swift.SwiftStatus;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A controller's answer: status, headers and a body that may stream from a storage node. Until
 * {@link #writeTo} subscribes to the body it may hold a backend connection; a reply that is
 * dropped must be {@link #discard}ed.
 *
 * @param status the HTTP status
 * @param headers the response headers as the client gets them
 * @param body the body (empty for HEAD); every buffer is released by whoever takes it
 */
public record ProxyReply(int status, HttpHeaders headers, Flux<DataBuffer> body) {

    public ProxyReply {
        requireNonNull(headers, "headers");
        requireNonNull(body, "body");
    }

    /** A reply without a body. */
    public static ProxyReply bodiless(int status, HttpHeaders headers) {
        return new ProxyReply(status, headers, Flux.empty());
    }

    /**
     * A reply with a small body held in memory (listings' error bodies, JSON of {@code /info}...),
     * with its {@code Content-Length}; the buffer is made when the body is subscribed.
     */
    public static ProxyReply text(int status, HttpHeaders headers, String body, ServerWebExchange exchange) {
        return bytes(status, headers, body.getBytes(StandardCharsets.UTF_8), exchange);
    }

    /** As {@link #text}, for a body that is bytes already (a storage node's error body). */
    public static ProxyReply bytes(int status, HttpHeaders headers, byte[] bytes, ServerWebExchange exchange) {
        HttpHeaders all = new HttpHeaders();
        all.addAll(headers);
        all.setContentLength(bytes.length);
        Flux<DataBuffer> buffer = Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(bytes)));
        return new ProxyReply(status, all, buffer);
    }

    /** Swift's default error body for the status ({@code <html><h1>Not Found</h1>...}), as swob sends it. */
    public static ProxyReply standard(int status, ServerWebExchange exchange) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.CONTENT_TYPE, "text/html; charset=UTF-8");
        return text(status, headers, SwiftStatus.defaultBody(status), exchange);
    }

    /** Drops the reply, closing whatever backend connection its body holds. */
    public Mono<Void> discard() {
        return body.doOnNext(DataBufferUtils::release).then().onErrorResume(e -> Mono.empty());
    }

    /**
     * Writes status, headers and body to the client. HEAD gets the headers alone, its
     * {@code Content-Length} kept. A body that fails after the headers were sent fails the
     * returned Mono; {@code catch_errors} then aborts the connection.
     */
    public Mono<Void> writeTo(ServerWebExchange exchange) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatusCode.valueOf(status));
        HttpHeaders out = response.getHeaders();
        // Date, as every answer's, comes from catch_errors (ServerHeaders) at commit.
        headers.forEach(out::put);
        if (HttpMethod.HEAD.equals(exchange.getRequest().getMethod())) {
            return discard().then(response.setComplete());
        }
        return response.writeWith(body);
    }
}
