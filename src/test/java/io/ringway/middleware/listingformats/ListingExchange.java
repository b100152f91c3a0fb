package io.ringway.middleware.listingformats;

import io.netty.buffer.PooledByteBufAllocator;
import io.ringway.middleware.Middleware;
import io.ringway.middleware.RecordingChain;
import io.ringway.middleware.StageTesting;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Runs {@code listing_formats}, built through its factory, in front of a recording chain that
 * answers like a proxy server: canned bodies in pooled Netty buffers, in two chunks, so that leak
 * detection sees any buffer the stage fails to release.
 */
final class ListingExchange {

    private static final NettyDataBufferFactory BUFFERS = new NettyDataBufferFactory(PooledByteBufAllocator.DEFAULT);

    private ListingExchange() {
    }

    /** How the rest of the pipeline answers; {@code withLength} sets Content-Length. */
    record Canned(int status, String contentType, String body, boolean withLength, Map<String, String> headers) {

        Canned(int status, String contentType, String body, boolean withLength) {
            this(status, contentType, body, withLength, Map.of());
        }

        Mono<Void> send(ServerHttpResponse response) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            response.setStatusCode(HttpStatusCode.valueOf(status));
            response.getHeaders().set(HttpHeaders.CONTENT_TYPE, contentType);
            headers.forEach(response.getHeaders()::set);
            if (withLength) {
                response.getHeaders().setContentLength(bytes.length);
            }
            if (bytes.length == 0) {
                return response.setComplete();
            }
            return response.writeWith(chunks(bytes));
        }
    }

    /** What the client got, and what the rest of the pipeline was asked. */
    record Result(int status, HttpHeaders headers, byte[] body, RecordingChain chain) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The query the rest of the pipeline saw, {@code null} when the stage answered itself. */
        @Nullable String forwardedQuery() {
            var last = chain.last();
            return last == null ? null : last.getRequest().getURI().getRawQuery();
        }
    }

    /** A 200 JSON listing as Swift's proxy sends it (with its length). */
    static Canned jsonListing(String json) {
        return new Canned(200, "application/json; charset=utf-8", json, true);
    }

    /** A request for a raw URI: the mock's template methods would encode its percent signs again. */
    static MockServerHttpRequest.BaseBuilder<?> raw(HttpMethod method, String uri) {
        return MockServerHttpRequest.method(method, URI.create(uri));
    }

    static Result run(MockServerHttpRequest.BaseBuilder<?> request, Canned answer) {
        return run(request, answer, Map.of());
    }

    static Result run(MockServerHttpRequest.BaseBuilder<?> request, Canned answer, Map<String, Object> properties) {
        Middleware stage = StageTesting.create(new ListingFormatsFactory(), properties);
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        RecordingChain chain = RecordingChain.answering(forwarded -> answer.send(forwarded.getResponse()));

        StepVerifier.create(stage.handle(exchange, chain)).verifyComplete();

        byte[] bytes = DataBufferUtils.join(exchange.getResponse().getBody())
                .map(ListingExchange::drain)
                .defaultIfEmpty(new byte[0])
                .block();
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        return new Result(status == null ? 200 : status.value(), exchange.getResponse().getHeaders(), bytes, chain);
    }

    private static Flux<DataBuffer> chunks(byte[] bytes) {
        int half = bytes.length / 2;
        return Flux.defer(() -> Flux.just(pooled(bytes, 0, half), pooled(bytes, half, bytes.length - half)));
    }

    private static DataBuffer pooled(byte[] bytes, int offset, int length) {
        DataBuffer buffer = BUFFERS.allocateBuffer(Math.max(length, 1));
        buffer.write(bytes, offset, length);
        return buffer;
    }

    private static byte[] drain(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }
}
