package io.ringway.clients;

import io.ringway.storage.conformance.RealSwiftStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The tier's one rule for missing programs: it runs wherever the clients are installed; a missing
 * one skips the tests, except with {@code CI=true}, where {@code .ci/run} installs them and a skip
 * would hide the tier, so it fails.
 */
final class RealClients {

    private RealClients() {
    }

    /** Skips (fails with {@code CI=true}) unless every program and the target's own are installed. */
    static void require(Path... programs) {
        List<Path> needed = new ArrayList<>(List.of(programs));
        needed.addAll(ClientTarget.programs());
        List<String> missing = needed.stream()
                .filter(program -> !Files.isExecutable(program))
                .map(Path::toString)
                .toList();
        if (!missing.isEmpty()) {
            RealSwiftStorage.skipOrFailInCi("not installed: " + String.join(", ", missing)
                    + " (.ci/run installs python3-swiftclient and rclone)");
        }
    }
}
