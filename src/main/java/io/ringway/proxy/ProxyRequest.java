package io.ringway.proxy;

import static java.util.Objects.requireNonNull;

import io.ringway.api.swift.SwiftPath;
import io.ringway.middleware.RequestContext;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;

/**
 * A client request as a controller sees it: the split path and the exchange it came on.
 *
 * @param path the path, split as Swift's proxy does
 * @param exchange the exchange (body, attributes, remote address)
 */
public record ProxyRequest(SwiftPath path, ServerWebExchange exchange) {

    public ProxyRequest {
        requireNonNull(path, "path");
        requireNonNull(exchange, "exchange");
    }

    /** The method as the client sent it ({@code GET}, {@code COPY}...). */
    public String method() {
        return exchange.getRequest().getMethod().name();
    }

    /** The client's headers, after the stages before the app (read-only). */
    public HttpHeaders headers() {
        return exchange.getRequest().getHeaders();
    }

    /** The query string, still percent-encoded, or null when there is none. */
    public @Nullable String rawQuery() {
        return exchange.getRequest().getURI().getRawQuery();
    }

    /** The first value of a query parameter, decoded, or null. */
    public @Nullable String query(String name) {
        return exchange.getRequest().getQueryParams().getFirst(name);
    }

    /**
     * The body's length as the client announced it: -1 when it comes chunked (and goes on
     * chunked), else its {@code Content-Length} (0 without one).
     */
    public long bodyLength() {
        String encoding = headers().getFirst(HttpHeaders.TRANSFER_ENCODING);
        if (encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("chunked")) {
            return -1;
        }
        return Math.max(headers().getContentLength(), 0);
    }

    /** The client's body; whoever subscribes releases its buffers. */
    public Flux<DataBuffer> body() {
        return exchange.getRequest().getBody();
    }

    /** What the stages before the app learned of this request (transaction id, identity...). */
    public RequestContext context() {
        return RequestContext.of(exchange);
    }

    /** The transaction id {@code catch_errors} gave this request, sent to backends as {@code X-Trans-Id}. */
    public @Nullable String transactionId() {
        return context().transactionId();
    }
}
