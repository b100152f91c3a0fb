package io.ringway.proxy.cors;

import io.ringway.proxy.ProxySettings;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * Swift's CORS rules with the proxy's {@code cors_allow_origin}, {@code strict_cors_mode} and
 * {@code cors_expose_headers}: whether an origin is allowed, the headers of an allowed preflight
 * ({@code Controller.OPTIONS}) and those added to an actual request's answer
 * ({@code cors_validation}).
 */
public final class CorsPolicy {

    /** The simple response headers and Swift's own that every CORS answer exposes. */
    private static final List<String> EXPOSED = List.of("cache-control", "content-language", "content-type",
            "expires", "last-modified", "pragma", "etag", "x-timestamp", "x-trans-id", "x-openstack-request-id");

    private final Set<String> allowOrigin;
    private final boolean strict;
    private final List<String> exposeHeaders;

    public CorsPolicy(ProxySettings settings) {
        this.allowOrigin = Set.copyOf(settings.corsAllowOrigin());
        this.strict = settings.strictCorsMode();
        this.exposeHeaders = settings.corsExposeHeaders();
    }

    /** Swift's {@code is_origin_allowed}: the container's origins and the proxy's, {@code *} for any. */
    public boolean allows(ContainerCors cors, String origin) {
        Set<String> origins = new LinkedHashSet<>(allowOrigin);
        if (cors.allowOrigin() != null) {
            origins.addAll(spaceSeparated(cors.allowOrigin()).toList());
        }
        return origins.contains(origin) || origins.contains("*");
    }

    /**
     * The headers of a CORS preflight's 200, or null when it gets 401: the origin is not allowed
     * or {@code Access-Control-Request-Method} is not one of {@code allowedMethods}.
     *
     * @param allow the {@code Allow} header of the resource
     * @param request the preflight's headers ({@code Origin} present)
     */
    public @Nullable HttpHeaders preflight(Collection<String> allowedMethods, String allow, ContainerCors cors,
            String origin, HttpHeaders request) {
        String method = request.getFirst(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
        if (!allows(cors, origin) || method == null || !allowedMethods.contains(method)) {
            return null;
        }
        // Names in lower case as Swift's preflight sends them (HTTP does not mind; byte-level diffs do).
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ALLOW, allow);
        allowOrigin(headers, cors, origin, true);
        if (cors.maxAge() != null) {
            headers.set("access-control-max-age", cors.maxAge());
        }
        headers.set("access-control-allow-methods", allow);
        // Every requested header is allowed, as Swift does: the list is the client's to make.
        Set<String> requested = new LinkedHashSet<>();
        for (String line : request.getOrEmpty(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS)) {
            Arrays.stream(line.split(","))
                    .map(String::strip)
                    .filter(name -> !name.isEmpty())
                    .forEach(requested::add);
        }
        if (!requested.isEmpty()) {
            headers.set("access-control-allow-headers", String.join(", ", requested));
            addVary(headers, "vary", HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
        }
        return headers;
    }

    /**
     * Swift's {@code cors_validation}, after the controller answered a request with an
     * {@code Origin}: adds {@code Access-Control-Expose-Headers} and
     * {@code -Allow-Origin} (when the answer has none yet) unless strict mode refuses the origin.
     *
     * @param response the answer's headers, changed in place
     */
    public void decorate(HttpHeaders response, ContainerCors cors, String origin) {
        if (strict && !allows(cors, origin)) {
            return;
        }
        if (!response.containsHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS)) {
            Set<String> exposed = new LinkedHashSet<>(EXPOSED);
            exposed.addAll(exposeHeaders);
            for (String name : response.headerNames()) {
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.startsWith("x-container-meta") || lower.startsWith("x-object-meta")) {
                    exposed.add(lower);
                }
            }
            if (cors.exposeHeaders() != null) {
                spaceSeparated(cors.exposeHeaders())
                        .map(name -> name.toLowerCase(Locale.ROOT))
                        .forEach(exposed::add);
            }
            response.set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, String.join(", ", exposed));
        }
        if (!response.containsHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)) {
            allowOrigin(response, cors, origin, false);
        }
    }

    // "*" when the container allows any origin (no Vary needed), else the origin itself.
    private static void allowOrigin(HttpHeaders headers, ContainerCors cors, String origin, boolean lowerCase) {
        String name = lowerCase ? "access-control-allow-origin" : HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN;
        if (cors.anyOrigin()) {
            headers.set(name, "*");
        } else {
            headers.set(name, origin);
            addVary(headers, lowerCase ? "vary" : HttpHeaders.VARY, "Origin");
        }
    }

    private static void addVary(HttpHeaders headers, String header, String name) {
        String vary = headers.getFirst(header);
        headers.set(header, vary == null ? name : vary + ", " + name);
    }

    private static Stream<String> spaceSeparated(String value) {
        return Arrays.stream(value.split(" "))
                .map(String::strip)
                .filter(item -> !item.isEmpty());
    }
}
