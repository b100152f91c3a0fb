package io.ringway.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;

/**
 * Installs BlockHound when the test JVM's launcher session opens, so that a blocking call on a
 * Netty event loop or a Reactor non-blocking scheduler thread throws {@code BlockingOperationError}
 * in every test, unit and integration alike, and {@link BlockingCallExtension} fails the test
 * class in which one happened even when the error was swallowed. Reactor's, Netty's and BlockHound's own integrations
 * (logging, standard output) load through their service files; the allowances here are only for
 * what blocks once, legitimately, at startup. The JVM needs {@code -XX:+EnableDynamicAgentLoading}
 * and {@code -XX:+AllowRedefinitionToAddDeleteMethods} (see the pom's argLines).
 */
public final class BlockHoundSessionListener implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        BlockHound.install(builder -> builder
                // Netty 4.2's adaptive allocator briefly locks while it grows or frees a magazine
                // shared by event loops; that is Netty's own design, not a call Ringway makes.
                .allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup", "tryExpandMagazines")
                .allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$Magazine", "free")
                .blockingMethodCallback(method -> {
                    // Recorded as well as thrown: an error raised where Reactor can only drop it
                    // (a cancel, a Netty listener) would otherwise be a log line nobody reads.
                    BlockingCalls.record(method + " on " + Thread.currentThread().getName() + where());
                    throw new BlockingOperationError(method);
                }));
    }

    /** The frames that say who blocked: the first ones outside the JDK, Reactor and BlockHound. */
    private static String where() {
        StringBuilder frames = new StringBuilder();
        int shown = 0;
        for (StackTraceElement frame : new Throwable().getStackTrace()) {
            String name = frame.getClassName();
            if (name.startsWith("java.") || name.startsWith("jdk.") || name.startsWith("sun.")
                    || name.startsWith("reactor.blockhound") || name.startsWith("io.ringway.testing")) {
                continue;
            }
            frames.append("\n    at ").append(frame);
            if (++shown == 12) {
                break;
            }
        }
        return frames.toString();
    }
}
