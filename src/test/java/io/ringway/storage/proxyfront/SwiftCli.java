package io.ringway.storage.proxyfront;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Debian's python3-swiftclient CLI, {@code /usr/bin/swift}, authenticated against the proxy's tempauth. */
final class SwiftCli {

    private static final long TIMEOUT_SECONDS = 120;

    private final String authUrl;
    private final String user;
    private final Path workDir;

    SwiftCli(String authUrl, String user, Path workDir) {
        this.authUrl = requireNonNull(authUrl, "authUrl");
        this.user = requireNonNull(user, "user");
        this.workDir = requireNonNull(workDir, "workDir");
    }

    /** Runs {@code swift -A ... -U ... -K ... args} in the work directory; never throws on a non-zero exit. */
    Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProxyFrontCluster.CLIENT, "-A", authUrl, "-U", user,
                "-K", ProxyServerConf.KEY));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("OS_") || key.startsWith("ST_"));
        Process process = builder.start();
        process.getOutputStream().close();
        // Both pipes drained concurrently so that neither fills and stalls the client.
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
        String out = drain(process.getInputStream());
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("swift " + String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS + " s");
        }
        return new Result(String.join(" ", args), process.exitValue(), out, err.join());
    }

    /** Runs the command and fails with its output unless it exits 0. */
    Result ok(String... args) throws IOException, InterruptedException {
        Result result = run(args);
        if (result.exitCode() != 0) {
            throw new AssertionError(result.describe());
        }
        return result;
    }

    private static String drain(InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "<unreadable: " + e + ">";
        }
    }

    /** One run of the client. */
    record Result(String command, int exitCode, String out, String err) {

        List<String> lines() {
            return out.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        }

        /** {@code swift stat}'s value for a key, e.g. {@code Objects} in {@code "Objects: 3"}. */
        String stat(String key) {
            return out.lines()
                    .map(String::strip)
                    .filter(line -> line.startsWith(key + ":"))
                    .map(line -> line.substring(key.length() + 1).strip())
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no '" + key + "' in " + describe()));
        }

        String describe() {
            return "swift " + command + " exited " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }
}
