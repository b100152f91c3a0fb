package io.ringway.backend;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.PooledDataBuffer;

/**
 * Releases buffers as {@code DataBufferUtils.release} does, without its class: that class's
 * first use sets up commons-logging, which reads jar files, and on a Netty event loop BlockHound
 * (rightly) rejects that.
 */
final class Buffers {

    private Buffers() {
    }

    /** Releases {@code buffer} if it is pooled and still allocated. */
    static void release(DataBuffer buffer) {
        if (buffer instanceof PooledDataBuffer pooled && pooled.isAllocated()) {
            pooled.release();
        }
    }
}
