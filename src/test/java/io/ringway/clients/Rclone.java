package io.ringway.clients;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * rclone (Debian's {@code rclone}) with a Swift remote named {@code rw:} defined only by
 * environment variables ({@code RCLONE_CONFIG_RW_*}, v1 auth) and {@code --config ""}: the user's
 * config file is never read or written. Retries are off so that a server answer rclone does not
 * like fails the command instead of being retried away.
 */
final class Rclone {

    static final Path PROGRAM = Path.of("/usr/bin/rclone");
    static final String REMOTE = "rw:";

    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, String> env;
    private final Path workDir;

    Rclone(ClientEndpoint endpoint, Path workDir) {
        requireNonNull(endpoint, "endpoint");
        this.workDir = requireNonNull(workDir, "workDir");
        this.env = Map.of(
                "RCLONE_CONFIG_RW_TYPE", "swift",
                "RCLONE_CONFIG_RW_AUTH", endpoint.authUrl(),
                "RCLONE_CONFIG_RW_USER", endpoint.user(),
                "RCLONE_CONFIG_RW_KEY", endpoint.key(),
                "RCLONE_CONFIG_RW_AUTH_VERSION", "1");
    }

    /** Runs {@code rclone args} (with the remote {@code rw:}); a non-zero exit is a result, not a failure. */
    CliResult run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PROGRAM.toString(), "--config", "",
                "--cache-dir", workDir.resolve(".rclone-cache").toString(),
                "--retries", "1", "--low-level-retries", "1", "--contimeout", "10s", "--timeout", "60s"));
        command.addAll(List.of(args));
        return CliProcess.run(command, env, workDir, TIMEOUT);
    }

    /** Runs the command and fails with its output unless it exits 0. */
    CliResult ok(String... args) throws IOException, InterruptedException {
        return run(args).assertSuccess();
    }

    /** {@code rclone lsjson args}, parsed: one node per entry. */
    List<JsonNode> lsjson(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("lsjson"));
        command.addAll(List.of(args));
        CliResult result = ok(command.toArray(String[]::new));
        List<JsonNode> entries = new ArrayList<>();
        JSON.readTree(result.out()).forEach(entries::add);
        return entries;
    }

    /** {@code rw:path}. */
    static String remote(String path) {
        return REMOTE + path;
    }
}
