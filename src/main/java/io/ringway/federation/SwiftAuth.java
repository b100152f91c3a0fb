package io.ringway.federation;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * A Swift target's storage URL and token: fixed by configuration, or from v1 auth
 * ({@code X-Auth-User} and {@code X-Auth-Key} to the auth URL; {@code X-Storage-Url} and
 * {@code X-Auth-Token} back). A token from auth is kept until a minute before it expires
 * ({@code X-Auth-Token-Expires}; an hour when the target does not say), then fetched again by the
 * next request; concurrent requests share one fetch. A token the target refused is dropped.
 */
final class SwiftAuth {

    /** A token without a stated lifetime is used this long. */
    private static final Duration UNSTATED_LIFETIME = Duration.ofHours(1);
    /** A token is renewed this long before the target says it expires. */
    private static final Duration RENEW_AHEAD = Duration.ofMinutes(1);

    /** Where requests go and the token they carry. */
    record Session(URI storageUrl, String token) {
    }

    private final String target;
    private final TargetProperties properties;
    private final HttpClient http;
    private final Duration timeout;
    private final AtomicReference<Mono<Session>> current = new AtomicReference<>();
    /** The token of the last fetch, to tell a refused current token from one already replaced. */
    private final AtomicReference<@Nullable String> lastToken = new AtomicReference<>();

    SwiftAuth(String target, TargetProperties properties, HttpClient http, Duration timeout) {
        this.target = requireNonNull(target, "target");
        this.properties = requireNonNull(properties, "properties");
        this.http = requireNonNull(http, "http");
        this.timeout = requireNonNull(timeout, "timeout");
        current.set(fresh());
    }

    /** The session to use now. */
    Mono<Session> session() {
        return current.get();
    }

    /** The target refused {@code stale}'s token: the next {@link #session()} authenticates again. */
    void refused(Session stale) {
        if (properties.authUrl() != null) {
            Mono<Session> now = current.get();
            // Only the first of several requests refused with the same token starts a new fetch.
            if (stale.token().equals(lastToken.get())) {
                lastToken.set(null);
                current.compareAndSet(now, fresh());
            }
        }
    }

    private Mono<Session> fresh() {
        URI authUrl = properties.authUrl();
        if (authUrl == null) {
            return Mono.just(new Session(requireNonNull(properties.storageUrl(), "storageUrl"),
                    requireNonNull(properties.token(), "token")));
        }
        return authenticate(authUrl)
                .cache(lived -> lived.renewAfter, error -> Duration.ZERO, () -> Duration.ZERO)
                .map(lived -> lived.session);
    }

    private record Lived(Session session, Duration renewAfter) {
    }

    private Mono<Lived> authenticate(URI authUrl) {
        return http.headers(headers -> headers
                        .set("X-Auth-User", requireNonNull(properties.user(), "user"))
                        .set("X-Auth-Key", requireNonNull(properties.key(), "key")))
                .get()
                .uri(authUrl)
                .responseSingle((response, body) -> body.asByteArray()
                        .defaultIfEmpty(new byte[0])
                        .map(ignored -> {
                            int status = response.status().code();
                            String storageUrl = response.responseHeaders().get("X-Storage-Url");
                            String token = response.responseHeaders().get("X-Auth-Token");
                            if (status / 100 != 2 || storageUrl == null || token == null) {
                                throw new TargetUnavailableException("target " + target + ": auth at " + authUrl
                                        + " answered " + status + (status / 100 == 2 ? " without storage URL or token" : ""));
                            }
                            URI url = properties.storageUrl() != null ? properties.storageUrl() : URI.create(storageUrl);
                            lastToken.set(token);
                            return new Lived(new Session(url, token),
                                    renewAfter(response.responseHeaders().get("X-Auth-Token-Expires")));
                        }))
                .timeout(timeout, Mono.error(() -> new TargetUnavailableException("target " + target + ": auth at "
                        + authUrl + " did not answer within " + timeout.toMillis() + " ms")))
                .onErrorMap(e -> !(e instanceof TargetUnavailableException),
                        e -> new TargetUnavailableException("target " + target + ": auth at " + authUrl + ": " + e, e));
    }

    /** How long a token said to expire in {@code expiresSeconds} is used. */
    static Duration renewAfter(@Nullable String expiresSeconds) {
        Duration lifetime = UNSTATED_LIFETIME;
        if (expiresSeconds != null) {
            try {
                lifetime = Duration.ofSeconds(Long.parseLong(expiresSeconds.strip()));
            } catch (NumberFormatException e) {
                // Not a number: as if unstated.
            }
        }
        Duration renew = lifetime.minus(RENEW_AHEAD);
        Duration half = lifetime.dividedBy(2);
        return renew.compareTo(half) > 0 ? renew : half;
    }
}
