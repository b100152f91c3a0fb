package io.ringway.middleware.tempauth;

import io.ringway.api.error.GatewayException;
import io.ringway.middleware.Authorize;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;

/**
 * Tempauth's {@code authorize} for the other requests a later stage makes in this user's name
 * (Swift's {@code swift.authorize}, which its proxy calls on subrequests too): the same
 * {@link Authorizer} with the user's groups, refusing as Swift's {@code denied_response} does,
 * 403 for a user and 401 with the request's realm for an anonymous one.
 */
final class DeferredAuthorize implements Authorize {

    private final Authorizer authorizer;
    private final List<String> groups;

    DeferredAuthorize(Authorizer authorizer, List<String> groups) {
        this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
        this.groups = List.copyOf(groups);
    }

    @Override
    public Mono<Void> check(ServerHttpRequest request) {
        String path = UriUtils.decode(request.getPath().pathWithinApplication().value(), StandardCharsets.UTF_8);
        String[] segments = SplitPath.split(path, 1, 4, true);
        if (segments == null || segments[1] == null) {
            // Swift's authorize: a path without an account is not found.
            return Mono.error(GatewayException.status(404));
        }
        HttpHeaders headers = request.getHeaders();
        AuthRequest asked = new AuthRequest(request.getMethod().name(), segments[1], segments[2], segments[3],
                headers.getFirst(HttpHeaders.REFERER), headers.getFirst("X-Account-Access-Control"));
        return authorizer.authorize(asked, groups)
                .flatMap(verdict -> refusal(verdict, path));
    }

    private Mono<Void> refusal(Verdict verdict, String path) {
        if (verdict instanceof Verdict.Allowed) {
            return Mono.empty();
        }
        if (verdict instanceof Verdict.Invalid invalid) {
            return Mono.error(new GatewayException(400, invalid.body(), Replies.TEXT, HttpHeaders.EMPTY, null));
        }
        if (!groups.isEmpty()) {
            return Mono.error(GatewayException.status(403));
        }
        HttpHeaders challenge = new HttpHeaders();
        challenge.set("Www-Authenticate", "Swift realm=\"" + RequestAuthorizer.realm(path) + "\"");
        return Mono.error(new GatewayException(401, null, GatewayException.HTML_UTF8, challenge, null));
    }
}
