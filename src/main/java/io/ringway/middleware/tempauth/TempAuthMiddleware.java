package io.ringway.middleware.tempauth;

import io.ringway.middleware.Middleware;
import io.ringway.middleware.MiddlewareChain;
import io.ringway.middleware.RequestContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;

/**
 * The {@code tempauth} stage (see {@link TempAuthFactory} for what operators need to know):
 * hands out tokens under the auth prefix, and authenticates and authorizes every request to an
 * account before the rest of the pipeline sees it.
 */
final class TempAuthMiddleware implements Middleware {

    private static final Logger log = LoggerFactory.getLogger(TempAuthMiddleware.class);

    private final Realm realm;
    private final TokenSigner signer;
    private final GetTokenHandler tokens;
    private final RequestAuthorizer authorizer;
    private final String authPrefix;
    private final boolean allowOverrides;

    TempAuthMiddleware(Realm realm, TokenSigner signer, RequestAuthorizer authorizer, TempAuthConfig config) {
        this.realm = Objects.requireNonNull(realm, "realm");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
        this.tokens = new GetTokenHandler(realm, signer, config.storageUrlScheme());
        this.authPrefix = authPrefix(config.authPrefix());
        this.allowOverrides = config.allowOverrides();
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, MiddlewareChain next) {
        RequestContext context = RequestContext.of(exchange);
        if (allowOverrides && context.authorizeOverride()) {
            return next.next(exchange);
        }
        String path = UriUtils.decode(exchange.getRequest().getPath().pathWithinApplication().value(),
                StandardCharsets.UTF_8);
        if (path.startsWith(authPrefix)) {
            return tokens.handle(exchange, path);
        }
        HttpHeaders headers = exchange.getRequest().getHeaders();
        String token = headers.containsHeader("X-Auth-Token")
                ? headers.getFirst("X-Auth-Token")
                : headers.getFirst("X-Storage-Token");
        List<String> groups = List.of();
        boolean mine = token != null && !token.isEmpty() && token.startsWith(realm.tokenPrefix());
        boolean refused = false;
        if (mine) {
            List<String> userGroups = signer.groups(token);
            if (userGroups == null && !realm.tokenPrefix().isEmpty()) {
                // The definitive auth for this token may refuse it outright.
                String[] segments = SplitPath.split(path, 2, 3, true);
                return Replies.unauthorized(exchange, segments == null ? "unknown" : segments[1]);
            }
            refused = userGroups == null;
            groups = userGroups == null ? List.of() : withServiceGroups(userGroups, headers.getFirst("X-Service-Token"));
        }
        String[] segments = SplitPath.split(path, 1, 4, true);
        if (segments == null || segments[1] == null || !(segments[0].equals("v1") || segments[0].equals("v1.0"))) {
            // Not an account request (/info, /crossdomain.xml...): nothing for auth to decide.
            return next.next(exchange);
        }
        if (refused && context.identity() == null) {
            // With the empty prefix every token looks like ours: an invalid one is refused like
            // Swift's denied_response, unless an earlier auth stage knew it.
            return authorizer.deny(exchange, segments, false, path);
        }
        if (refused) {
            return next.next(exchange);
        }
        if (!groups.isEmpty()) {
            context.identity(new RequestContext.Identity(groups.size() > 1 ? groups.get(1) : groups.get(0), groups));
            log.debug("User {} uses a token", groups.size() > 1 ? groups.get(1) : groups.get(0));
        } else if (!mine && realm.accountPrefix(segments[1]) == null && context.identity() != null) {
            // Neither the token nor the account is ours, and an earlier auth stage vouched for the
            // user: leave the request to it (Swift keeps an earlier swift.authorize).
            return next.next(exchange);
        }
        return authorizer.authorize(exchange, next, segments, groups, path);
    }

    private List<String> withServiceGroups(List<String> userGroups, @Nullable String serviceToken) {
        if (serviceToken == null) {
            return userGroups;
        }
        List<String> serviceGroups = signer.groups(serviceToken);
        if (serviceGroups == null) {
            return userGroups;
        }
        List<String> all = new ArrayList<>(userGroups);
        all.addAll(serviceGroups);
        return all;
    }

    // Swift's rules: non-empty, starting and ending with a slash.
    private static String authPrefix(String configured) {
        String prefix = configured;
        if (prefix.isEmpty() || prefix.replace("/", "").isEmpty()) {
            log.warn("Rewriting invalid auth prefix \"{}\" to \"/auth/\" (a non-empty auth prefix path is required)",
                    configured);
            prefix = "/auth/";
        }
        if (!prefix.startsWith("/")) {
            prefix = "/" + prefix;
        }
        return prefix.endsWith("/") ? prefix : prefix + "/";
    }
}
