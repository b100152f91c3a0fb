package io.ringway.storage.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Makes sure a real Swift 2.30 storage node runs on loopback and injects where it listens
 * ({@link RealSwiftServers} parameters). It runs {@code scripts/swift-storage.sh status}, and
 * {@code up} when that fails, once per JVM; servers this JVM started are stopped
 * ({@code down}) when the test run ends, servers found running are left alone.
 *
 * <p>The tier runs only with {@code -Dringway.realSwift=true}; otherwise its tests are skipped,
 * except when the environment has {@code CI=true}: there a skip would hide the tier, so it fails.
 * System properties: {@code ringway.realSwift.base} (the script's BASE, default
 * {@code /tmp/ringway-swift}), {@code ringway.realSwift.script} (default
 * {@code scripts/swift-storage.sh} under the working directory).
 */
public final class RealSwiftStorage implements BeforeAllCallback, ParameterResolver {

    public static final String ENABLED_PROPERTY = "ringway.realSwift";

    private static final long SCRIPT_TIMEOUT_SECONDS = 120;
    private static @Nullable RealSwiftServers servers;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        requireTierEnabled("real Swift servers");
        servers(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RealSwiftServers.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        try {
            return servers(context);
        } catch (IOException | InterruptedException e) {
            throw new ExtensionConfigurationException("could not start the real Swift servers", e);
        }
    }

    /**
     * Skips the calling test unless the tier is enabled; fails it instead when {@code CI=true}.
     * Other parts of the tier (Ringway's side) use the same rule.
     */
    public static void requireTierEnabled(String what) {
        if (tierEnabled()) {
            return;
        }
        String reason = what + ": the real-server tier runs with -D" + ENABLED_PROPERTY
                + "=true, or by default where Debian's swift-object-server is installed";
        skipOrFailInCi(reason);
    }

    /**
     * {@code -Dringway.realSwift=true|false} decides; unset, the tier runs wherever Debian's Swift
     * servers are installed, so that a plain {@code ./mvnw verify} runs every test there.
     */
    private static boolean tierEnabled() {
        String property = System.getProperty(ENABLED_PROPERTY, "");
        if (!property.isBlank()) {
            return Boolean.parseBoolean(property);
        }
        return Files.isExecutable(Path.of("/usr/bin/swift-object-server"));
    }

    /** An assumption failure (skip) locally; a test failure when {@code CI=true}, where skips must not hide. */
    public static void skipOrFailInCi(String reason) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI=true and the test would be skipped: " + reason);
        }
        Assumptions.abort(reason);
    }

    private static synchronized RealSwiftServers servers(ExtensionContext context)
            throws IOException, InterruptedException {
        if (servers != null) {
            return servers;
        }
        Path base = Path.of(System.getProperty("ringway.realSwift.base", "/tmp/ringway-swift"));
        Path script = Path.of(System.getProperty("ringway.realSwift.script", "scripts/swift-storage.sh"));
        ScriptResult status = run(script, "status", base);
        if (status.exitCode() == 0) {
            servers = RealSwiftServers.parse(status.output());
            return servers;
        }
        ScriptResult up = run(script, "up", base);
        if (up.exitCode() != 0) {
            throw new ExtensionConfigurationException(script + " up " + base + " failed (exit " + up.exitCode()
                    + "):\n" + up.output());
        }
        servers = RealSwiftServers.parse(up.output());
        // Started here, so stopped at the end of the whole run (the root store closes last).
        context.getRoot().getStore(ExtensionContext.Namespace.create(RealSwiftStorage.class))
                .put("down", (AutoCloseable) () -> run(script, "down", base));
        return servers;
    }

    private static ScriptResult run(Path script, String command, Path base) throws IOException, InterruptedException {
        if (!Files.isRegularFile(script)) {
            throw new ExtensionConfigurationException(script.toAbsolutePath() + " not found (run from the project root)");
        }
        Process process = new ProcessBuilder("bash", script.toString(), command, base.toString())
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        // The script's output is small; reading it before waiting keeps the pipe from filling.
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(SCRIPT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new ExtensionConfigurationException(script + " " + command + " did not finish in "
                    + SCRIPT_TIMEOUT_SECONDS + " s:\n" + output);
        }
        return new ScriptResult(process.exitValue(), output);
    }

    private record ScriptResult(int exitCode, String output) {
    }
}
