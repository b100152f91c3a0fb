package io.ringway.proxy.object;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.PooledByteBufAllocator;
import io.ringway.api.error.GatewayException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.core.io.buffer.PooledDataBuffer;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class BodyLimitTests {

    private static final NettyDataBufferFactory BUFFERS = new NettyDataBufferFactory(PooledByteBufAllocator.DEFAULT);

    private final List<DataBuffer> made = new ArrayList<>();

    private Flux<DataBuffer> chunks(int count) {
        return Flux.range(0, count).map(i -> {
            DataBuffer buffer = BUFFERS.wrap(BUFFERS.getByteBufAllocator().buffer(4).writeBytes(
                    "abcd".getBytes(StandardCharsets.US_ASCII)));
            made.add(buffer);
            return buffer;
        });
    }

    @Test
    void aBodyWithinTheLimitPassesWhole() {
        StepVerifier.create(BodyLimit.atMost(chunks(3), 12))
                .consumeNextWith(DataBufferUtils::release)
                .consumeNextWith(DataBufferUtils::release)
                .consumeNextWith(DataBufferUtils::release)
                .verifyComplete();
    }

    @Test
    void aBodyPastTheLimitFailsWith413AndReleasesTheBufferThatCrossedIt() {
        StepVerifier.create(BodyLimit.atMost(chunks(3), 10))
                .consumeNextWith(DataBufferUtils::release)
                .consumeNextWith(DataBufferUtils::release)
                .expectErrorSatisfies(e -> assertThat(((GatewayException) e).status()).isEqualTo(413))
                .verify();

        assertThat(made).hasSize(3);
        assertThat(((PooledDataBuffer) made.get(2)).isAllocated()).as("the buffer past the limit is released").isFalse();
    }
}
