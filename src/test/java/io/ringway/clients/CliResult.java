package io.ringway.clients;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * One finished run of a client program.
 *
 * @param command the program and its arguments
 * @param exitCode its exit status ({@code -1} when it was killed)
 * @param out what it wrote to standard output
 * @param err what it wrote to standard error
 * @param took how long it ran
 */
record CliResult(List<String> command, int exitCode, String out, String err, Duration took) {

    CliResult {
        command = List.copyOf(command);
        requireNonNull(out, "out");
        requireNonNull(err, "err");
        requireNonNull(took, "took");
    }

    /** The non-blank lines of standard output, stripped. */
    List<String> lines() {
        return out.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** {@code swift stat}'s value for a key, e.g. {@code 3} for {@code Objects} in {@code "Objects: 3"}. */
    String stat(String key) {
        return out.lines()
                .map(String::strip)
                .filter(line -> line.startsWith(key + ":"))
                .map(line -> line.substring(key.length() + 1).strip())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no '" + key + "' in " + describe()));
    }

    /** Fails with everything the program said unless it exited 0. */
    CliResult assertSuccess() {
        if (exitCode != 0) {
            throw new AssertionError(describe());
        }
        return this;
    }

    /** The command, exit status and both outputs, for failure messages. */
    String describe() {
        return String.join(" ", command) + "\nexited " + exitCode + " after " + took.toMillis() + " ms\nstdout:\n"
                + out + "\nstderr:\n" + err;
    }
}
