package io.ringway.middleware;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A request a stage makes in the user's name through the rest of the pipeline, as Swift's
 * {@code make_subrequest} (copy's source GET; later slo/dlo segments, versioning's archive
 * copies). It is the client's exchange mutated (method, path, headers, body) with a response
 * that captures the answer instead of writing it, and an own {@link RequestContext}
 * ({@link RequestContext#subrequest}). Unless {@link #preAuthorized}, it is first checked by the
 * auth stage's {@link Authorize} when an auth stage has run, as Swift's proxy calls
 * {@code swift.authorize} on subrequests; a refusal is the error of {@link #send}.
 *
 * <p>Answers given as {@code Mono.error(GatewayException)} further in arrive as that error, not
 * as a {@link SubResponse}: passed on, the exception handler renders them for the client.
 */
public final class Subrequest {

    private static final Logger log = LoggerFactory.getLogger(Subrequest.class);

    /** What Swift's {@code make_env} carries over from the client's request. */
    private static final List<String> CARRIED = List.of(HttpHeaders.HOST, HttpHeaders.ORIGIN,
            HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, HttpHeaders.REFERER, "X-User-Id", "X-Project-Id");

    private final HttpMethod method;
    private final String path;
    private final @Nullable String query;
    private final HttpHeaders headers;
    private final String source;
    private final @Nullable Flux<DataBuffer> body;
    private final boolean preAuthorized;

    private Subrequest(HttpMethod method, String path, @Nullable String query, HttpHeaders headers, String source,
            @Nullable Flux<DataBuffer> body, boolean preAuthorized) {
        this.method = requireNonNull(method, "method");
        this.path = requireNonNull(path, "path");
        this.query = query;
        this.headers = HttpHeaders.copyOf(requireNonNull(headers, "headers"));
        this.source = requireNonNull(source, "source");
        this.body = body;
        this.preAuthorized = preAuthorized;
    }

    /**
     * A bodiless subrequest.
     *
     * @param path the path as sent on the wire (percent-encoded)
     * @param query the query string as sent (encoded), or {@code null} for none
     * @param headers its headers, over the few Swift carries from the client's request
     *     ({@code Host}, {@code Referer}, {@code Origin}...) and {@code User-Agent: Swift}
     * @param source the stage's {@code swift.source}, logged by a {@code proxy_logging} after it
     */
    public static Subrequest of(HttpMethod method, String path, @Nullable String query, HttpHeaders headers,
            String source) {
        return new Subrequest(method, path, query, headers, source, null, false);
    }

    /** The same with a body; its {@code Content-Length}, when known, belongs in the headers. */
    public Subrequest withBody(Flux<DataBuffer> newBody) {
        return new Subrequest(method, path, query, headers, source, requireNonNull(newBody, "newBody"), preAuthorized);
    }

    /** The same without authorization, as Swift's {@code make_pre_authed_request}. */
    public Subrequest preAuthorized() {
        return new Subrequest(method, path, query, headers, source, body, true);
    }

    /**
     * Sends it and lets {@code use} work with the answer; the answer's body is released when
     * {@code use} ends (or fails, or is cancelled) without having taken it.
     */
    public <T> Mono<T> send(ServerWebExchange parent, MiddlewareChain next, Function<SubResponse, Mono<T>> use) {
        return Mono.usingWhen(send(parent, next), use, SubResponse::release,
                (response, error) -> response.release(), SubResponse::release);
    }

    /**
     * Sends it through {@code next} (after authorization) and emits the answer once its status
     * and headers are known. The caller must take or release its body.
     */
    public Mono<SubResponse> send(ServerWebExchange parent, MiddlewareChain next) {
        return Mono.defer(() -> {
            ServerHttpRequest request = request(parent.getRequest());
            Authorize authorize = RequestContext.of(parent).authorize();
            Mono<Void> allowed = preAuthorized || authorize == null ? Mono.empty() : authorize.check(request);
            return allowed.then(answer(parent, next, request));
        });
    }

    private Mono<SubResponse> answer(ServerWebExchange parent, MiddlewareChain next, ServerHttpRequest request) {
        return Mono.create(sink -> {
            AtomicBoolean settled = new AtomicBoolean();
            // Cancels the inner request, even while it is still being subscribed.
            Sinks.One<Boolean> abort = Sinks.one();
            CapturingResponse response = new CapturingResponse(parent.getResponse().bufferFactory(), answer -> {
                if (settled.compareAndSet(false, true)) {
                    sink.success(answer);
                } else {
                    answer.release().subscribe();
                }
            }, () -> abort.tryEmitValue(true));
            ServerWebExchange exchange = exchange(parent, request, response);
            sink.onCancel(() -> {
                settled.set(true);
                abort.tryEmitValue(true);
            });
            Mono.defer(() -> next.next(exchange))
                    .then(Mono.defer(response::setComplete))
                    .takeUntilOther(abort.asMono())
                    .contextWrite(sink.contextView())
                    .subscribe(null, error -> {
                        if (settled.compareAndSet(false, true)) {
                            sink.error(error);
                        } else {
                            log.debug("{} {} failed after answering: {}", method, path, error.toString());
                        }
                    });
        });
    }

    /** The request it makes, from the client's. */
    ServerHttpRequest request(ServerHttpRequest client) {
        HttpHeaders all = new HttpHeaders();
        for (String name : CARRIED) {
            List<String> values = client.getHeaders().get(name);
            if (values != null) {
                all.put(name, values);
            }
        }
        all.set(HttpHeaders.USER_AGENT, "Swift");
        all.putAll(headers);
        if (body == null) {
            all.remove(HttpHeaders.CONTENT_LENGTH);
            all.remove(HttpHeaders.TRANSFER_ENCODING);
        }
        URI uri = UriComponentsBuilder.fromUri(client.getURI())
                .replacePath(path)
                .replaceQuery(query)
                .build(true)
                .toUri();
        ServerHttpRequest mutated = client.mutate()
                .method(method)
                .uri(uri)
                .headers(replaced -> {
                    replaced.clear();
                    replaced.putAll(all);
                })
                .build();
        Flux<DataBuffer> content = body == null ? Flux.empty() : body;
        return new ServerHttpRequestDecorator(mutated) {
            @Override
            public Flux<DataBuffer> getBody() {
                return content;
            }
        };
    }

    private ServerWebExchange exchange(ServerWebExchange parent, ServerHttpRequest request,
            CapturingResponse response) {
        Map<String, Object> attributes = new ConcurrentHashMap<>(parent.getAttributes());
        RequestContext.attach(attributes, RequestContext.of(parent).subrequest(source, preAuthorized));
        ServerWebExchange mutated = parent.mutate()
                .request(request)
                .response(response)
                .build();
        return new ServerWebExchangeDecorator(mutated) {
            @Override
            public Map<String, Object> getAttributes() {
                return attributes;
            }
        };
    }

    @Override
    public String toString() {
        return "Subrequest[" + method + " " + path + (query == null ? "" : "?" + query) + " " + source + "]";
    }
}
