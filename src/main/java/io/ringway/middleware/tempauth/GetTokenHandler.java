package io.ringway.middleware.tempauth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Hands out tokens under the auth prefix, as Swift's {@code handle_request} and
 * {@code handle_get_token}: {@code GET <prefix>v1.0} or {@code GET <prefix>auth} with
 * {@code X-Auth-User: account:user} and {@code X-Auth-Key} (or {@code X-Storage-User} and
 * {@code X-Storage-Pass}), or {@code GET <prefix>v1/<account>/auth} with {@code X-Storage-User: user}.
 */
final class GetTokenHandler {

    private final Realm realm;
    private final TokenSigner signer;
    private final String storageUrlScheme;

    GetTokenHandler(Realm realm, TokenSigner signer, String storageUrlScheme) {
        this.realm = Objects.requireNonNull(realm, "realm");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.storageUrlScheme = Objects.requireNonNull(storageUrlScheme, "storageUrlScheme");
    }

    /** Answers a request whose path starts with the auth prefix. */
    Mono<Void> handle(ServerWebExchange exchange, String path) {
        if (!HttpMethod.GET.equals(exchange.getRequest().getMethod())) {
            return Replies.status(exchange, 405);
        }
        // Swift pops one segment, the first of the auth prefix, off the path.
        String rest = path.substring(path.indexOf('/', 1) < 0 ? path.length() : path.indexOf('/', 1));
        String[] request = SplitPath.split(rest, 1, 4, true);
        if (request == null) {
            return Replies.status(exchange, 404);
        }
        if (!List.of("v1", "v1.0", "auth").contains(request[0])) {
            return Replies.status(exchange, 400);
        }
        String[] segments = SplitPath.split(rest, 1, 3, true);
        if (segments == null) {
            return Replies.status(exchange, 404);
        }
        return token(exchange, segments);
    }

    private Mono<Void> token(ServerWebExchange exchange, String[] segments) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        String account;
        String user;
        String key;
        if (segments[0].equals("v1") && "auth".equals(segments[2])) {
            account = segments[1];
            user = nonEmpty(headers.getFirst("X-Storage-User"));
            if (user == null) {
                String accountUser = nonEmpty(headers.getFirst("X-Auth-User"));
                if (accountUser == null || !accountUser.contains(":")
                        || !accountUser.substring(0, accountUser.indexOf(':')).equals(account)) {
                    return Replies.unauthorized(exchange, account);
                }
                user = accountUser.substring(accountUser.indexOf(':') + 1);
            }
            key = first(headers, "X-Storage-Pass", "X-Auth-Key");
        } else if (segments[0].equals("auth") || segments[0].equals("v1.0")) {
            String accountUser = first(headers, "X-Auth-User", "X-Storage-User");
            if (accountUser == null || !accountUser.contains(":")) {
                return Replies.unauthorized(exchange, "unknown");
            }
            account = accountUser.substring(0, accountUser.indexOf(':'));
            user = accountUser.substring(accountUser.indexOf(':') + 1);
            key = first(headers, "X-Auth-Key", "X-Storage-Pass");
        } else {
            return Replies.status(exchange, 400);
        }
        if (account.isEmpty() || user.isEmpty() || key == null) {
            return Replies.unauthorized(exchange, account.isEmpty() ? "unknown" : account);
        }
        String accountUser = account + ":" + user;
        Realm.Entry entry = realm.user(accountUser);
        if (entry == null) {
            return Replies.unauthorized(exchange, account);
        }
        // Swift compares keys with !=; a constant-time comparison costs nothing and leaks less.
        if (!MessageDigest.isEqual(entry.key().getBytes(StandardCharsets.UTF_8), key.getBytes(StandardCharsets.UTF_8))) {
            return Replies.unauthorized(exchange, "unknown");
        }
        TokenSigner.Issued issued = signer.issue(accountUser, realm.groups(account, accountUser, entry.accountId()));
        HttpHeaders response = exchange.getResponse().getHeaders();
        response.set("X-Auth-Token", issued.token());
        response.set("X-Storage-Token", issued.token());
        response.set("X-Auth-Token-Expires", Long.toString(issued.secondsLeft()));
        response.set("X-Storage-Url", storageUrl(exchange, entry.url()));
        return Replies.send(exchange, 200, Replies.HTML, "");
    }

    private String storageUrl(ServerWebExchange exchange, String template) {
        String url = template.replace("$HOST", hostUrl(exchange));
        if (!storageUrlScheme.equals("default") && url.contains(":")) {
            url = storageUrlScheme + ":" + url.substring(url.indexOf(':') + 1);
        }
        return url;
    }

    // swob's host_url: the request's scheme and Host header (its host and port otherwise).
    private static String hostUrl(ServerWebExchange exchange) {
        URI uri = exchange.getRequest().getURI();
        String scheme = uri.getScheme() == null ? "http" : uri.getScheme();
        String host = exchange.getRequest().getHeaders().getFirst(HttpHeaders.HOST);
        if (host == null || host.isEmpty()) {
            host = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        }
        return scheme + "://" + host;
    }

    private static @Nullable String first(HttpHeaders headers, String name, String fallback) {
        String value = nonEmpty(headers.getFirst(name));
        return value != null ? value : nonEmpty(headers.getFirst(fallback));
    }

    private static @Nullable String nonEmpty(@Nullable String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
