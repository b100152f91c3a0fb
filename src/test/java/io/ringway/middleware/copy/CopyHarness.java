package io.ringway.middleware.copy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.api.error.SwiftExceptionHandler;
import io.ringway.middleware.Authorize;
import io.ringway.middleware.Middleware;
import io.ringway.middleware.MiddlewareChain;
import io.ringway.middleware.MiddlewareContext;
import io.ringway.middleware.RequestContext;
import io.ringway.middleware.StageTesting;
import io.ringway.policy.SwiftConf;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The copy stage built through its factory (max_file_size 1000) in front of a {@link FakeSwift},
 * optionally behind another stage (tempauth), with errors rendered by the gateway's handler.
 */
final class CopyHarness {

    static final long MAX_FILE_SIZE = 1000;

    final FakeSwift swift = new FakeSwift();
    final Middleware copy;
    private final @Nullable Middleware front;
    /** The auth stage's hook every request gets, when set. */
    @Nullable Authorize authorize;
    private final SwiftExceptionHandler errors = new SwiftExceptionHandler(exchange -> null);

    CopyHarness() {
        this(null);
    }

    CopyHarness(@Nullable Middleware front) {
        this.front = front;
        SwiftConf conf = SwiftConf.parse("[swift-hash]\nswift_hash_path_suffix = test\n"
                + "[storage-policy:0]\nname = gold\ndefault = yes\n"
                + "[swift-constraints]\nmax_file_size = " + MAX_FILE_SIZE + "\n");
        MiddlewareContext context = new MiddlewareContext() {
            @Override
            public <T> T service(Class<T> type) {
                return type.cast(conf);
            }
        };
        CopyFactory factory = new CopyFactory();
        this.copy = factory.create(StageTesting.configs(Map.of()).bind(factory.name(), factory.configType()), context);
    }

    /** A finished exchange: status, headers and the body as text. */
    record Result(int status, HttpHeaders headers, String body) {
    }

    Result run(String method, String path, String... headers) {
        return run(request(method, path, headers));
    }

    static MockServerHttpRequest request(String method, String path, String... headers) {
        MockServerHttpRequest.BaseBuilder<?> builder = MockServerHttpRequest.method(HttpMethod.valueOf(method),
                "http://localhost:8080" + path);
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder.build();
    }

    Result run(MockServerHttpRequest request) {
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        if (authorize != null) {
            RequestContext.of(exchange).authorize(authorize);
        }
        MiddlewareChain inner = passed -> copy.handle(passed, swift);
        Mono<Void> handled = front == null ? inner.next(exchange) : front.handle(exchange, inner);
        handled.onErrorResume(error -> errors.handle(exchange, error)).block();
        String body = exchange.getResponse().getBodyAsString()
                .onErrorResume(IllegalStateException.class, error -> Mono.empty())
                .defaultIfEmpty("")
                .block();
        int status = exchange.getResponse().getStatusCode() == null ? 200
                : exchange.getResponse().getStatusCode().value();
        assertThat(swift.allReleased()).as("every buffer of the fake released").isTrue();
        return new Result(status, exchange.getResponse().getHeaders(), body);
    }
}
