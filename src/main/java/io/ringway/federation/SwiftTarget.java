package io.ringway.federation;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import io.ringway.federation.wire.Origin;
import io.ringway.swift.PythonText;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * A Swift cluster as a target: a local container {@code c} of account {@code a} is the remote
 * container {@code containerPrefix + c} in the storage URL's account (or the one the
 * {@code account} template names), and every request goes there with the target's token instead
 * of the client's. The answer's headers must arrive within {@code responseTimeout} of the request
 * being sent (for a PUT, of its body's end); a body that stalls that long while the client wants
 * more fails.
 *
 * <p>A request refused with 401 (a token the target no longer takes) is sent once more with a new
 * token when it has no body; an idempotent request that could not be sent (connection refused or
 * closed) is tried once more. Anything else that keeps the target from answering is a
 * {@link TargetUnavailableException}.
 */
final class SwiftTarget implements Target {

    private final String name;
    private final TargetProperties properties;
    private final ConnectionProvider pool;
    private final HttpClient http;
    private final SwiftAuth auth;
    private final Duration responseTimeout;
    private final TargetGuard guard;
    private final TargetHttp exchanges;

    SwiftTarget(String name, TargetProperties properties, TargetLimits limits, TargetGuard guard) {
        this.name = requireNonNull(name, "name");
        this.properties = requireNonNull(properties, "properties");
        boolean https = isHttps(properties.authUrl()) || isHttps(properties.storageUrl());
        this.pool = TargetClients.pool(name, limits);
        this.http = TargetClients.client(pool, limits, properties.tls(), https);
        this.responseTimeout = requireNonNull(limits.responseTimeout(), "responseTimeout");
        this.auth = new SwiftAuth(name, properties, http, responseTimeout);
        this.guard = requireNonNull(guard, "guard");
        this.exchanges = new TargetHttp(name, limits, properties.tls(), https);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Mono<RemoteResponse> exchange(RemoteRequest request) {
        return guard.guarded(request, () -> attempt(request, true));
    }

    private Mono<RemoteResponse> attempt(RemoteRequest request, boolean first) {
        return auth.session()
                .flatMap(session -> send(session, request)
                        .flatMap(response -> {
                            if (response.status() == 401 && first && request.bodiless()) {
                                auth.refused(session);
                                return response.drain().then(attempt(request, false));
                            }
                            if (response.status() == 401) {
                                auth.refused(session);
                            }
                            return Mono.just(response);
                        }))
                .onErrorResume(e -> first && request.idempotent() && e instanceof IOException,
                        e -> attempt(request, false))
                .onErrorMap(e -> !(e instanceof TargetUnavailableException),
                        e -> new TargetUnavailableException("target " + name + ": " + request.describe() + ": " + e, e));
    }

    private Mono<RemoteResponse> send(SwiftAuth.Session session, RemoteRequest request) {
        return exchanges.send(request.method().name(), Origin.of(session.storageUrl()),
                path(session.storageUrl(), request), out -> {
            request.headers().forEach(out::set);
            out.set("X-Auth-Token", session.token());
            if (request.body() != null && request.contentLength() >= 0) {
                out.set(HttpHeaders.CONTENT_LENGTH, Long.toString(request.contentLength()));
            }
        }, body(request), request.describe());
    }

    @Override
    public Mono<TargetProbe> probe() {
        long start = System.nanoTime();
        return auth.session()
                .flatMap(session -> http.headers(out -> out.set("X-Auth-Token", session.token()))
                        .head()
                        .uri(session.storageUrl())
                        .responseSingle((response, body) -> body.then(Mono.just(response.status().code())))
                        .timeout(responseTimeout))
                .map(status -> new TargetProbe(status / 100 == 2, millisSince(start), "HEAD account: " + status))
                .onErrorResume(e -> Mono.just(new TargetProbe(false, millisSince(start), e.toString())));
    }

    private static long millisSince(long start) {
        return java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    @Override
    public TargetHealth health() {
        return guard.health(TargetType.SWIFT);
    }

    private @Nullable Flux<ByteBuf> body(RemoteRequest request) {
        if (request.body() == null) {
            return null;
        }
        return request.body()
                .map(NettyDataBufferFactory::toByteBuf)
                .doOnNext(buffer -> guard.sent(buffer.readableBytes()));
    }

    /** The remote path: the account's, the remote container, the object, the query. */
    String path(URI storageUrl, RemoteRequest request) {
        StringBuilder url = new StringBuilder(accountPath(storageUrl, request.account()));
        url.append('/').append(PythonText.quote(remoteContainer(request.account(), request.container()), ""));
        if (request.object() != null) {
            url.append('/').append(PythonText.quote(request.object(), "/"));
        }
        if (request.rawQuery() != null && !request.rawQuery().isEmpty()) {
            url.append('?').append(request.rawQuery());
        }
        return url.toString();
    }

    /** The remote container of local {@code account}'s {@code container}. */
    String remoteContainer(String account, String container) {
        return properties.containerPrefix().replace("{account}", account) + container;
    }

    private String accountPath(URI storageUrl, String account) {
        String base = storageUrl.getRawPath() == null ? "" : storageUrl.getRawPath();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        String template = properties.account();
        if (template == null) {
            return base;
        }
        String remote = PythonText.quote(template.replace("{account}", account), "");
        return base.substring(0, base.lastIndexOf('/') + 1) + remote;
    }

    private static boolean isHttps(@Nullable URI url) {
        return url != null && "https".equalsIgnoreCase(url.getScheme());
    }

    @Override
    public void close() {
        exchanges.close();
        pool.dispose();
    }
}
