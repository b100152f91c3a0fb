package io.ringway.middleware.catcherrors;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.PooledByteBufAllocator;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import java.util.stream.Collectors;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** Swift's enforce_byte_count on pooled Netty buffers (leak detection at paranoid watches them). */
class ContentLengthEnforcerTests {

    private final NettyDataBufferFactory buffers = new NettyDataBufferFactory(PooledByteBufAllocator.DEFAULT);
    private final MockServerHttpResponse target = new MockServerHttpResponse(buffers);
    private final ContentLengthEnforcer response = new ContentLengthEnforcer(target);

    @Test
    void passesABodyOfTheDeclaredLength() {
        response.getHeaders().setContentLength(6);

        StepVerifier.create(response.writeWith(body("abc", "def"))).verifyComplete();

        assertThat(sent(target)).isEqualTo("abcdef");
    }

    @Test
    void failsAShortBodyAfterSendingIt() {
        response.getHeaders().setContentLength(10);

        StepVerifier.create(response.writeWith(body("abc")))
                .expectErrorMessage("Expected another 7 bytes")
                .verify();

        assertThat(sent(target)).isEqualTo("abc");
    }

    @Test
    void cutsALongBodyAtTheDeclaredLengthAndFails() {
        response.getHeaders().setContentLength(4);

        StepVerifier.create(response.writeWith(body("abc", "defgh", "ij")))
                .expectErrorMessage("Too many bytes; truncating after 4 bytes with at least 4 surplus bytes remaining")
                .verify();

        assertThat(sent(target)).isEqualTo("abcd");
    }

    @Test
    void countsAcrossFlushedChunks() {
        response.getHeaders().setContentLength(5);

        StepVerifier.create(response.writeAndFlushWith(Flux.just(body("ab"), body("cd"))))
                .expectErrorMessage("Expected another 1 bytes")
                .verify();

        assertThat(sent(target)).isEqualTo("abcd");
    }

    @Test
    void leavesBodiesWithoutContentLengthAndNotModifiedAlone() {
        StepVerifier.create(response.writeWith(body("anything"))).verifyComplete();
        assertThat(sent(target)).isEqualTo("anything");

        MockServerHttpResponse notModifiedTarget = new MockServerHttpResponse(buffers);
        ContentLengthEnforcer notModified = new ContentLengthEnforcer(notModifiedTarget);
        notModified.setStatusCode(HttpStatus.NOT_MODIFIED);
        notModified.getHeaders().setContentLength(100);
        StepVerifier.create(notModified.writeWith(Flux.empty())).verifyComplete();
    }

    /** What reached the wrapped response before any error, each buffer released once read. */
    private static String sent(MockServerHttpResponse target) {
        return target.getBody()
                .onErrorComplete()
                .map(buffer -> {
                    String text = buffer.toString(StandardCharsets.US_ASCII);
                    DataBufferUtils.release(buffer);
                    return text;
                })
                .collect(Collectors.joining())
                .block();
    }

    private Flux<DataBuffer> body(String... chunks) {
        return Flux.fromArray(chunks)
                .map(chunk -> buffers.wrap(buffers.getByteBufAllocator().buffer()
                        .writeBytes(chunk.getBytes(StandardCharsets.US_ASCII))));
    }
}
