package io.ringway.clients;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The {@link ClientTarget} a real-client test class drives, as a class-level extension
 * ({@code @RegisterExtension static final RunningTarget target = new RunningTarget(program)}):
 * started once before the class when the client program is installed, its diagnostics printed
 * when a test fails, closed and its directory deleted after the class.
 */
final class RunningTarget implements BeforeAllCallback, AfterTestExecutionCallback, AfterAllCallback {

    private final Path program;
    private @Nullable Path base;
    private @Nullable ClientTarget target;

    RunningTarget(Path program) {
        this.program = program;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        RealClients.require(program);
        base = Files.createTempDirectory("ringway-clients-");
        target = ClientTarget.start(base);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent() && target != null) {
            System.err.println(target.diagnostics());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (target != null) {
            target.close();
        }
        if (base != null) {
            try (Stream<Path> files = Files.walk(base)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                System.err.println("could not delete " + base + ": " + e);
            }
        }
    }

    ClientTarget get() {
        if (target == null) {
            throw new IllegalStateException("no target");
        }
        return target;
    }
}
