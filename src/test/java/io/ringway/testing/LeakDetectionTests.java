package io.ringway.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;

/** Shows that the leak detection the build relies on does see a leaked buffer. */
class LeakDetectionTests {

    @Test
    void recordsABufferThatWasNeverReleased() throws InterruptedException {
        leakOneBuffer();
        boolean seen = false;
        for (int round = 0; round < 50 && !seen; round++) {
            System.gc();
            Thread.sleep(10);
            ByteBuf probe = PooledByteBufAllocator.DEFAULT.buffer(1);
            probe.release();
            seen = LeakRecorder.drain().stream().anyMatch(leak -> leak.startsWith("LEAK: ByteBuf"));
        }
        assertThat(seen).as("a leak report for the buffer never released").isTrue();
    }

    private static void leakOneBuffer() {
        ByteBuf leaked = PooledByteBufAllocator.DEFAULT.buffer(64);
        leaked.writeInt(42);
    }
}
