package io.ringway.testing;

import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Records every buffer leak Netty reports, so that {@link LeakDetectionExtension} can fail the
 * test class that leaked instead of letting a log line go unnoticed. Installed as Netty's
 * detector factory by {@link LeakDetectionSessionListener} before any buffer class loads.
 */
public final class LeakRecorder extends ResourceLeakDetectorFactory {

    private static final ConcurrentLinkedQueue<String> LEAKS = new ConcurrentLinkedQueue<>();

    /** Drains the leaks reported since the last call. */
    public static List<String> drain() {
        List<String> drained = new ArrayList<>();
        String leak;
        while ((leak = LEAKS.poll()) != null) {
            drained.add(leak);
        }
        return drained;
    }

    @Override
    @SuppressWarnings("deprecation")
    public <T> ResourceLeakDetector<T> newResourceLeakDetector(
            Class<T> resource, int samplingInterval, long maxActive) {
        return new RecordingDetector<>(resource, samplingInterval);
    }

    private static final class RecordingDetector<T> extends ResourceLeakDetector<T> {

        RecordingDetector(Class<T> resource, int samplingInterval) {
            super(resource, samplingInterval);
        }

        @Override
        protected void reportTracedLeak(String resourceType, String records) {
            LEAKS.add("LEAK: " + resourceType + records);
            super.reportTracedLeak(resourceType, records);
        }

        @Override
        protected void reportUntracedLeak(String resourceType) {
            LEAKS.add("LEAK: " + resourceType + " (untraced)");
            super.reportUntracedLeak(resourceType);
        }
    }
}
