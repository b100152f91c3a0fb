package io.ringway.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.storage.conformance.RealSwiftStorage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Swift's own {@code swift-recon} (Debian's swift package), run on a swift dir's rings. */
public final class SwiftRecon {

    private static final Path COMMAND = Path.of("/usr/bin/swift-recon");

    private final Path swiftDir;
    private final Path scratch;

    /** @param scratch where the command's output is kept while it runs */
    public SwiftRecon(Path swiftDir, Path scratch) {
        this.swiftDir = swiftDir;
        this.scratch = scratch;
    }

    /** Skips the test (fails it under {@code CI=true}) where swift-recon is not installed. */
    public static void assumeInstalled() {
        if (!Files.isExecutable(COMMAND)) {
            RealSwiftStorage.skipOrFailInCi("swift-recon (Debian's swift package) is not installed");
        }
    }

    /** What it printed for {@code server} and {@code checks}; fails the test on a non-zero exit or a hang. */
    public String run(String server, String... checks) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(COMMAND.toString(), server,
                "--swiftdir=" + swiftDir.toAbsolutePath(), "--timeout=10"));
        command.addAll(List.of(checks));
        Path out = Files.createTempFile(scratch, "swift-recon-", ".out");
        Process process = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("swift-recon did not finish in a minute: " + Files.readString(out));
        }
        String output = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
