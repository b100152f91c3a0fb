package io.ringway.storage.node;

import static java.util.Objects.requireNonNull;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import reactor.core.publisher.Mono;

/**
 * Gives bodiless responses the {@code Content-Length} Swift's servers send: {@code 0} for every
 * response without a body (204s included), and {@code 0} for errors to HEAD, whose default
 * error body Swift never builds. Swift's proxy and tools read these headers, so the node sends
 * them as Swift does rather than leaving the length to the framework.
 */
final class SwiftLengthHeaders implements HttpHandler {

    private final HttpHandler delegate;

    SwiftLengthHeaders(HttpHandler delegate) {
        this.delegate = requireNonNull(delegate, "delegate");
    }

    @Override
    public Mono<Void> handle(ServerHttpRequest request, ServerHttpResponse response) {
        LengthDecorator decorated = new LengthDecorator(response);
        boolean head = HttpMethod.HEAD.equals(request.getMethod());
        response.beforeCommit(() -> {
            HttpHeaders headers = response.getHeaders();
            HttpStatusCode status = response.getStatusCode();
            boolean error = status != null && status.value() >= 400;
            if ((decorated.bodiless && !headers.containsHeader(HttpHeaders.CONTENT_LENGTH)) || (head && error)) {
                headers.setContentLength(0);
            }
            return Mono.empty();
        });
        return delegate.handle(request, decorated);
    }

    /** Notes when the response completes without a body. */
    private static final class LengthDecorator extends ServerHttpResponseDecorator {

        private volatile boolean bodiless;

        LengthDecorator(ServerHttpResponse delegate) {
            super(delegate);
        }

        @Override
        public Mono<Void> setComplete() {
            bodiless = true;
            return super.setComplete();
        }
    }
}
