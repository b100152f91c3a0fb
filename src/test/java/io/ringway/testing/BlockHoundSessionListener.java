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
        BlockHound.install(builder -> builder.blockingMethodCallback(method -> {
            // Recorded as well as thrown: an error raised where Reactor can only drop it
            // (a cancel, a Netty listener) would otherwise be a log line nobody reads.
            BlockingCalls.record(method + " on " + Thread.currentThread().getName());
            throw new BlockingOperationError(method);
        }));
    }
}
