package io.ringway.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** The blocking calls BlockHound caught on non-blocking threads, kept for {@link BlockingCallExtension}. */
public final class BlockingCalls {

    private static final ConcurrentLinkedQueue<String> CALLS = new ConcurrentLinkedQueue<>();

    private BlockingCalls() {
    }

    static void record(String call) {
        CALLS.add(call);
    }

    /** Drains the calls caught since the last call. */
    public static List<String> drain() {
        List<String> drained = new ArrayList<>();
        String call;
        while ((call = CALLS.poll()) != null) {
            drained.add(call);
        }
        return drained;
    }
}
