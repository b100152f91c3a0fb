package io.ringway.middleware.listingformats;

import static java.util.Objects.requireNonNull;

import io.ringway.middleware.Middleware;
import io.ringway.middleware.MiddlewareChain;
import io.ringway.middleware.listingformats.ListingResponse.ListingRequest;
import io.ringway.swift.SwiftStatus;
import io.ringway.swift.listing.ListingAccept;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code listing_formats} (Swift's {@code listing_formats.py}): account and container listings
 * in plain text, JSON or XML, whatever the rest of the pipeline speaks.
 *
 * <p>For {@code GET} and {@code HEAD} of {@code /v1/<account>[/<container>]} it picks the
 * client's format from {@code ?format=plain|json|xml}, else from {@code Accept} (Swift's
 * {@code get_listing_content_type}: plain by default, 406 when nothing fits, 400 for a bad
 * Accept header or a {@code format} that is not UTF-8), asks the rest of the pipeline for
 * {@code format=json}, and converts a 200/204 {@code application/json} answer: names one per
 * line (an empty plain listing becomes 204), Swift's XML documents, or JSON re-encoded as
 * Python does, with {@code Content-Type: <type>; charset=utf-8}. Without {@code format} the
 * answer carries {@code Vary: Accept}. Object requests, other methods, errors, answers in
 * another type, and listings with no or too large a {@code Content-Length} pass untouched;
 * entries holding Swift's reserved byte are dropped unless {@code X-Backend-Allow-Reserved-Names}
 * is true.
 *
 * <p>It must sit before anything that answers listings ({@code tempauth} and the Swift API);
 * Swift's sample pipeline puts it after the caches. Config:
 * {@code ringway.middleware.listing_formats.max_listing_length} (the body it reads whole, at
 * most). No metrics.
 */
final class ListingFormatsMiddleware implements Middleware {

    private static final String HTML = "text/html; charset=UTF-8";

    private final long maxLength;

    ListingFormatsMiddleware(ListingFormatsConfig config) {
        this.maxLength = requireNonNull(config, "config").maxListingLength().toBytes();
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, MiddlewareChain next) {
        ServerHttpRequest request = exchange.getRequest();
        ListingTarget target = ListingTarget.of(request.getPath().value());
        HttpMethod method = request.getMethod();
        if (target == null || !(HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method))) {
            return next.next(exchange);
        }
        FormatQuery query = FormatQuery.parse(request.getURI().getRawQuery());
        String format;
        try {
            format = query.format();
        } catch (IllegalArgumentException e) {
            return reply(exchange, 400, "text/plain", e.getMessage());
        }
        String contentType;
        try {
            contentType = ListingAccept.bestMatch(format, request.getHeaders().getFirst(HttpHeaders.ACCEPT));
        } catch (IllegalArgumentException e) {
            return reply(exchange, 400, HTML, "Invalid Accept header");
        }
        if (contentType == null) {
            return reply(exchange, 406, HTML, null);
        }
        ListingRequest listing = new ListingRequest(target, contentType, !query.hasFormat(),
                HttpMethod.HEAD.equals(method), allowReserved(request));
        ServerWebExchange asJson = exchange.mutate()
                .request(builder -> builder.uri(withQuery(request.getURI(), query.asJson())))
                .response(new ListingResponse(exchange.getResponse(), listing, maxLength))
                .build();
        return next.next(asJson);
    }

    // Swift's config_true_value.
    private static boolean allowReserved(ServerHttpRequest request) {
        String value = request.getHeaders().getFirst("X-Backend-Allow-Reserved-Names");
        return value != null && switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on", "t", "y" -> true;
            default -> false;
        };
    }

    private static URI withQuery(URI uri, String rawQuery) {
        String text = uri.toString();
        int cut = text.indexOf('?');
        return URI.create((cut < 0 ? text : text.substring(0, cut)) + "?" + rawQuery);
    }

    /**
     * Swift's error answer: its own body, else swob's default for the status. HEAD gets no body,
     * and as in swob no length either when the body would have been the default.
     */
    private static Mono<Void> reply(ServerWebExchange exchange, int status, String contentType, @Nullable String body) {
        ServerHttpResponse response = exchange.getResponse();
        byte[] bytes = (body == null ? SwiftStatus.defaultBody(status) : body).getBytes(StandardCharsets.UTF_8);
        response.setStatusCode(HttpStatusCode.valueOf(status));
        response.getHeaders().set(HttpHeaders.CONTENT_TYPE, contentType);
        if (HttpMethod.HEAD.equals(exchange.getRequest().getMethod())) {
            if (body != null) {
                response.getHeaders().setContentLength(bytes.length);
            }
            return response.setComplete();
        }
        response.getHeaders().setContentLength(bytes.length);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(bytes)));
    }
}
