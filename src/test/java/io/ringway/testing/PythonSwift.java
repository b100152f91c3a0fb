package io.ringway.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs Debian's Swift python module from tests; absent on machines without the swift packages. */
public final class PythonSwift {

    // The python3 first on PATH (pyenv, venv) may lack Debian's swift module.
    private static final List<String> CANDIDATES = List.of("/usr/bin/python3", "python3");

    private PythonSwift() {
    }

    /** A python3 that can {@code import swift}, if this machine has one. */
    public static Optional<String> interpreter() {
        for (String candidate : CANDIDATES) {
            try {
                Process process = new ProcessBuilder(candidate, "-c", "import swift").redirectErrorStream(true).start();
                process.getInputStream().readAllBytes();
                if (process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0) {
                    return Optional.of(candidate);
                }
            } catch (IOException e) {
                // not installed: try the next candidate
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Runs {@code script} with {@code args} and returns its standard output; fails on a non-zero exit. */
    public static String run(String python, String script, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(python, "-c", script));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("python failed: " + output);
        }
        return output.strip();
    }
}
