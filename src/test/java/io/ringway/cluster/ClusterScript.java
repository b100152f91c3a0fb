package io.ringway.cluster;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Runs {@code scripts/swift-cluster.sh} with this run's BASE and PORT_BASE in its environment
 * (the script's own switches), and reads its output, which is small.
 */
final class ClusterScript {

    private static final long TIMEOUT_SECONDS = 180;

    private final Path script;
    private final Path base;
    private final int portBase;

    ClusterScript(Path script, Path base, int portBase) {
        this.script = requireNonNull(script, "script");
        this.base = requireNonNull(base, "base");
        this.portBase = portBase;
    }

    Path base() {
        return base;
    }

    int portBase() {
        return portBase;
    }

    /** Runs one command; its exit code and output (stdout and stderr together). */
    Result run(String... command) {
        if (!Files.isRegularFile(script)) {
            throw new ExtensionConfigurationException(script.toAbsolutePath() + " not found (run from the project root)");
        }
        List<String> line = new ArrayList<>(List.of("bash", script.toString()));
        line.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
        builder.environment().put("RINGWAY_CLUSTER_BASE", base.toString());
        builder.environment().put("PORT_BASE", Integer.toString(portBase));
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            // Read before waiting, so that a full pipe cannot stall the script.
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(this + " " + String.join(" ", command) + " took over "
                        + TIMEOUT_SECONDS + " s:\n" + output);
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + script, e);
        }
    }

    /** Runs one command that must succeed. */
    String check(String... command) {
        Result result = run(command);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(this + " " + String.join(" ", command) + " failed (exit "
                    + result.exitCode() + "):\n" + result.output());
        }
        return result.output();
    }

    @Override
    public String toString() {
        return "RINGWAY_CLUSTER_BASE=" + base + " PORT_BASE=" + portBase + " " + script;
    }

    record Result(int exitCode, String output) {
    }
}
