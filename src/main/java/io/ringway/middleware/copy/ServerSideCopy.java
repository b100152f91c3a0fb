package io.ringway.middleware.copy;

import io.ringway.api.error.GatewayException;
import io.ringway.middleware.Authorize;
import io.ringway.middleware.MiddlewareChain;
import io.ringway.middleware.RequestContext;
import io.ringway.middleware.SubResponse;
import io.ringway.middleware.Subrequest;
import java.net.URI;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Swift's {@code handle_PUT} of a copy: GETs the source through the rest of the pipeline (a
 * {@link Subrequest}, authorized as Swift's proxy would), refuses a source without a length or
 * larger than {@code max_file_size} (413), passes a failed source's answer on, and otherwise PUTs
 * the destination with the source's body streaming in as the request body, the metadata merged
 * ({@link CopyHeaders}), and {@code X-Copied-From*} added to a successful answer.
 */
final class ServerSideCopy {

    /** The {@code swift.source} of copy's requests in access logs. */
    static final String SOURCE = "SSC";

    private final long maxFileSize;

    ServerSideCopy(long maxFileSize) {
        this.maxFileSize = maxFileSize;
    }

    Mono<Void> put(ServerWebExchange exchange, MiddlewareChain next, CopyRequest request) {
        HttpHeaders headers = request.headers();
        if (headers.getContentLength() > 0) {
            throw GatewayException.plain(400, "Copy requests require a zero byte body", null);
        }
        String accountHeader = headers.getFirst("X-Copy-From-Account");
        String account = accountHeader == null || accountHeader.isEmpty()
                ? request.account()
                : CopyPaths.account(accountHeader);
        String[] source = CopyPaths.containerAndObject("X-Copy-From", headers.getFirst("X-Copy-From"));
        HttpHeaders get = HttpHeaders.copyOf(headers);
        get.remove("X-Backend-Storage-Policy-Index");
        get.set("X-Newest", "true");
        boolean manifest = "get".equals(request.query().get("multipart-manifest"));
        Query sourceQuery = manifest ? request.query().with("format", "raw") : request.query();
        String sourcePath = CopyPaths.quote(
                "/" + request.version() + "/" + account + "/" + source[0] + "/" + source[1]);
        return Subrequest.of(HttpMethod.GET, sourcePath, sourceQuery.raw(), get, SOURCE)
                .send(exchange, next, answer -> copy(exchange, next, request, answer, account, source, manifest));
    }

    private Mono<Void> copy(ServerWebExchange exchange, MiddlewareChain next, CopyRequest request, SubResponse source,
            String account, String[] from, boolean manifest) {
        long length = length(source.headers());
        if (length < 0 || length > maxFileSize) {
            // A source without a length is a large object of too many segments: Swift refuses it too.
            return Mono.error(GatewayException.status(413));
        }
        if (source.status() >= 300) {
            return source.relay(exchange);
        }
        HttpHeaders found = source.headers();
        boolean wholeObject = source.status() == 200 && !found.containsHeader("X-Static-Large-Object")
                && (!found.containsHeader("X-Object-Manifest") || manifest);
        HttpHeaders sink = CopyHeaders.sink(request.headers(), found, length, wholeObject);
        Query query = request.query().without("version-id");
        if (manifest && found.containsHeader("X-Static-Large-Object")) {
            query = query.with("multipart-manifest", "put");
        }
        if (manifest && found.containsHeader("X-Object-Manifest")) {
            query = query.without("multipart-manifest");
            sink.set("X-Object-Manifest", found.getFirst("X-Object-Manifest"));
        }
        HttpHeaders answer = CopyHeaders.answer(account, from[0], from[1], found, sink);
        ServerHttpRequest put = sinkRequest(exchange.getRequest(), request, sink, query,
                Flux.defer(source::body));
        announce(exchange.getResponse(), answer);
        Authorize authorize = RequestContext.of(exchange).authorize();
        // The auth stage saw the COPY's own path; the PUT to Destination is for it to decide too.
        Mono<Void> allowed = request.rewritten() && authorize != null ? authorize.check(put) : Mono.empty();
        return allowed.then(Mono.defer(() -> next.next(exchange.mutate().request(put).build())));
    }

    private static ServerHttpRequest sinkRequest(ServerHttpRequest client, CopyRequest request, HttpHeaders sink,
            Query query, Flux<DataBuffer> body) {
        String path = request.rewritten() ? request.rawPath() : client.getURI().getRawPath();
        URI uri = UriComponentsBuilder.fromUri(client.getURI())
                .replacePath(path)
                .replaceQuery(query.raw())
                .build(true)
                .toUri();
        ServerHttpRequest mutated = client.mutate()
                .method(HttpMethod.PUT)
                .uri(uri)
                .headers(headers -> {
                    headers.clear();
                    headers.putAll(sink);
                })
                .build();
        return new ServerHttpRequestDecorator(mutated) {
            @Override
            public Flux<DataBuffer> getBody() {
                return body;
            }
        };
    }

    // Swift's _adjust_put_response: only a successful PUT tells where its bytes came from.
    private static void announce(ServerHttpResponse response, HttpHeaders answer) {
        response.beforeCommit(() -> {
            HttpStatusCode status = response.getStatusCode();
            if (status != null && status.is2xxSuccessful()) {
                response.getHeaders().putAll(answer);
            }
            return Mono.empty();
        });
    }

    private static long length(HttpHeaders headers) {
        String value = headers.getFirst(HttpHeaders.CONTENT_LENGTH);
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
