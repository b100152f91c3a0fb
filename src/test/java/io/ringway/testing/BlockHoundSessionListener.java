package io.ringway.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import reactor.blockhound.BlockHound;

/**
 * Installs BlockHound when the test JVM's launcher session opens, so that a blocking call on a
 * Netty event loop or a Reactor non-blocking scheduler thread throws {@code BlockingOperationError}
 * in every test, unit and integration alike. Reactor's, Netty's and BlockHound's own integrations
 * (logging, standard output) load through their service files; the allowances here are only for
 * what blocks once, legitimately, at startup. The JVM needs {@code -XX:+EnableDynamicAgentLoading}
 * and {@code -XX:+AllowRedefinitionToAddDeleteMethods} (see the pom's argLines).
 */
public final class BlockHoundSessionListener implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        BlockHound.install();
    }
}
