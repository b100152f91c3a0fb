package io.ringway.middleware.tempauth;

import io.ringway.middleware.DelayedDenial;
import io.ringway.middleware.MiddlewareChain;
import io.ringway.middleware.RequestContext;
import io.ringway.middleware.acl.ContainerAclHeaders;
import io.ringway.swift.PythonText;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Applies {@link Authorizer}'s verdict to an account request: refuses it, or records the owner
 * flag and passes it on with its ACL headers checked, as Swift's proxy does after calling
 * {@code swift.authorize}, and leaves a {@link DeferredAuthorize} in the request context for the
 * requests later stages make in the user's name (a copy's source and destination).
 */
final class RequestAuthorizer {

    /** Swift's {@code swift_owner_headers}: only an owner may set them on accounts and containers. */
    static final List<String> OWNER_HEADERS = List.of("X-Container-Read", "X-Container-Write",
            "X-Container-Sync-Key", "X-Container-Sync-To", "X-Account-Meta-Temp-Url-Key",
            "X-Account-Meta-Temp-Url-Key-2", "X-Container-Meta-Temp-Url-Key", "X-Container-Meta-Temp-Url-Key-2",
            "X-Account-Access-Control");

    private static final String ACCOUNT_ACL_SYSMETA = "X-Account-Sysmeta-Core-Access-Control";

    private final Authorizer authorizer;
    private final DelayedDenial delayedDenial;

    RequestAuthorizer(Authorizer authorizer, DelayedDenial delayedDenial) {
        this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
        this.delayedDenial = Objects.requireNonNull(delayedDenial, "delayedDenial");
    }

    /**
     * Swift's {@code swift.authorize} denial: 403 for a known user, else 401 with the realm, after
     * the {@link DelayedDenial} prepared what the proxy adds to it.
     */
    Mono<Void> deny(ServerWebExchange exchange, String[] segments, boolean known, String path) {
        return delayedDenial.beforeDenial(exchange, segments[1], segments[2], segments[3])
                .then(Mono.defer(() -> known
                        ? Replies.status(exchange, 403)
                        : Replies.unauthorized(exchange, realm(path))));
    }

    /** Authorizes a request whose path split into version, account, container and object. */
    Mono<Void> authorize(ServerWebExchange exchange, MiddlewareChain next, String[] segments, List<String> groups,
            String path) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        String method = exchange.getRequest().getMethod().name();
        if (method.equals("COPY") && segments[3] != null) {
            // Swift never authorizes a COPY: the copy stage turns it into a GET of this object and
            // a PUT to Destination, each authorized on its own (the PUT through the Authorize hook).
            method = "GET";
        }
        AuthRequest request = new AuthRequest(method, segments[1], segments[2], segments[3],
                headers.getFirst(HttpHeaders.REFERER), headers.getFirst("X-Account-Access-Control"));
        return authorizer.authorize(request, groups)
                .flatMap(verdict -> apply(exchange, next, verdict, groups, path, segments));
    }

    private Mono<Void> apply(ServerWebExchange exchange, MiddlewareChain next, Verdict verdict, List<String> groups,
            String path, String[] segments) {
        if (verdict instanceof Verdict.Invalid invalid) {
            return Replies.send(exchange, 400, Replies.TEXT, invalid.body());
        }
        if (!(verdict instanceof Verdict.Allowed allowed)) {
            return deny(exchange, segments, !groups.isEmpty(), path);
        }
        RequestContext context = RequestContext.of(exchange);
        context.swiftOwner(allowed.owner());
        context.authorize(new DeferredAuthorize(authorizer, groups));
        HttpHeaders headers = exchange.getRequest().getHeaders();
        boolean containerChange = segments[3] == null && segments[2] != null
                && (headers.containsHeader("X-Container-Read") || headers.containsHeader("X-Container-Write"));
        String[] cleaned = new String[2];
        if (containerChange) {
            try {
                cleaned[0] = clean("X-Container-Read", headers.getFirst("X-Container-Read"));
                cleaned[1] = clean("X-Container-Write", headers.getFirst("X-Container-Write"));
            } catch (IllegalArgumentException e) {
                return Replies.send(exchange, 400, Replies.HTML, Objects.requireNonNullElse(e.getMessage(), ""));
            }
        }
        boolean accountAcl = headers.containsHeader("X-Account-Access-Control");
        boolean strip = !allowed.owner() && segments[3] == null;
        if (!containerChange && !accountAcl && !strip) {
            return next.next(exchange);
        }
        ServerWebExchange changed = exchange.mutate()
                .request(builder -> builder.headers(h -> rewrite(h, segments, cleaned, strip)))
                .build();
        return next.next(changed);
    }

    private static void rewrite(HttpHeaders headers, String[] segments, String[] cleaned, boolean strip) {
        if (cleaned[0] != null) {
            headers.set("X-Container-Read", cleaned[0]);
        }
        if (cleaned[1] != null) {
            headers.set("X-Container-Write", cleaned[1]);
        }
        // Tempauth stores the account ACL as sysmeta (which gatekeeper keeps clients from sending).
        String accountAcl = headers.getFirst("X-Account-Access-Control");
        if (accountAcl != null) {
            headers.remove("X-Account-Access-Control");
            if (segments[2] == null) {
                headers.set(ACCOUNT_ACL_SYSMETA, accountAcl);
            }
        }
        if (strip) {
            OWNER_HEADERS.forEach(headers::remove);
            headers.remove(ACCOUNT_ACL_SYSMETA);
        }
    }

    private static @Nullable String clean(String name, @Nullable String value) {
        return value == null ? null : ContainerAclHeaders.clean(name, value);
    }

    // swob's www_authenticate: the account of the path, quoted; "unknown" when there is none.
    static String realm(String path) {
        String[] segments = SplitPath.split(path, 2, 3, true);
        if (segments == null || segments[1].equals("v1.0") || segments[1].equals("auth")) {
            return "unknown";
        }
        // swob quotes the realm as wsgi_quote does: only "/" stays unquoted.
        return PythonText.quote(segments[1], "/");
    }
}
