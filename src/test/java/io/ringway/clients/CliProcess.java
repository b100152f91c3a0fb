package io.ringway.clients;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a client program to completion: no standard input, standard output and error into files
 * (a chatty client can never stall on a full pipe, and nothing needs a reader thread), a hard
 * timeout after which the program and its children are killed, so a test never hangs.
 */
final class CliProcess {

    private CliProcess() {
    }

    /**
     * Runs {@code command} in {@code workDir}; the environment is the caller's without the variables
     * the clients read their settings from ({@code OS_*}, {@code ST_*}, {@code RCLONE_*}), plus {@code env}.
     */
    static CliResult run(List<String> command, Map<String, String> env, Path workDir, Duration timeout)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("ringway-client-", ".out");
        Path err = Files.createTempFile("ringway-client-", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().keySet().removeIf(CliProcess::clientSetting);
            builder.environment().putAll(env);
            long started = System.nanoTime();
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError(new CliResult(command, -1, read(out), read(err), Duration.ofNanos(
                        System.nanoTime() - started)).describe() + "\n(killed: did not finish in " + timeout + ")");
            }
            return new CliResult(command, process.exitValue(), read(out), read(err),
                    Duration.ofNanos(System.nanoTime() - started));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static boolean clientSetting(String name) {
        return name.startsWith("OS_") || name.startsWith("ST_") || name.startsWith("RCLONE_");
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
