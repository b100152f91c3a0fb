package io.ringway.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class when Netty reported a leaked buffer while it ran. Registered for every
 * class through JUnit's extension auto-detection. Netty notices a leak only when the leaked
 * buffer is collected and another buffer is then tracked, so this collects garbage and
 * allocates a few tracked buffers before looking.
 */
public final class LeakDetectionExtension implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        for (int round = 0; round < 3; round++) {
            System.gc();
            Thread.sleep(20);
            for (int i = 0; i < 16; i++) {
                ByteBuf probe = PooledByteBufAllocator.DEFAULT.buffer(1);
                probe.release();
            }
        }
        List<String> leaks = LeakRecorder.drain();
        if (!leaks.isEmpty()) {
            throw new AssertionError(leaks.size() + " Netty buffer leak(s) in "
                    + context.getDisplayName() + ":\n" + String.join("\n", leaks));
        }
    }
}
