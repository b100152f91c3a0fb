package io.ringway.clients;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * python-swiftclient's {@code swift} CLI (Debian's {@code python3-swiftclient}), logged in with
 * v1.0 auth ({@code -A -U -K}) as a user would type it; relative paths resolve in the work directory.
 * Its retries are off ({@code --retries 0}; a user's default is 5 with backoff up to a minute): a
 * server that answers as Swift does never needs one, and a retried 5xx would hide a difference.
 */
final class SwiftCli {

    static final Path PROGRAM = Path.of("/usr/bin/swift");

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final ClientEndpoint endpoint;
    private final Path workDir;

    SwiftCli(ClientEndpoint endpoint, Path workDir) {
        this.endpoint = requireNonNull(endpoint, "endpoint");
        this.workDir = requireNonNull(workDir, "workDir");
    }

    /** The same client working in another directory. */
    SwiftCli in(Path directory) {
        return new SwiftCli(endpoint, directory);
    }

    /** Runs {@code swift -A ... -U ... -K ... args}; a non-zero exit is a result, not a failure. */
    CliResult run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PROGRAM.toString(), "-A", endpoint.authUrl(),
                "-U", endpoint.user(), "-K", endpoint.key(), "--retries", "0"));
        command.addAll(List.of(args));
        return CliProcess.run(command, Map.of(), workDir, TIMEOUT);
    }

    /** Runs the command and fails with its output unless it exits 0. */
    CliResult ok(String... args) throws IOException, InterruptedException {
        return run(args).assertSuccess();
    }
}
