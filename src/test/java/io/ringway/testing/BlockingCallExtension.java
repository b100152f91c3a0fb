package io.ringway.testing;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class when BlockHound caught a blocking call on an event loop while it ran, also
 * when the {@code BlockingOperationError} itself was dropped (Reactor's {@code onErrorDropped},
 * a Netty future listener). Registered for every class through extension auto-detection.
 */
public final class BlockingCallExtension implements BeforeAllCallback, AfterAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        // a call caught between classes (a server of the previous class shutting down) is not this class's
        BlockingCalls.drain();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        List<String> calls = BlockingCalls.drain();
        if (!calls.isEmpty()) {
            throw new AssertionError(calls.size() + " blocking call(s) on non-blocking threads in "
                    + context.getDisplayName() + ":\n" + String.join("\n", calls));
        }
    }
}
