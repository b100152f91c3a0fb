package io.ringway.image;

import com.github.dockerjava.api.exception.NotFoundException;
import io.ringway.storage.conformance.RealSwiftStorage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * The image of the top-level {@code Dockerfile}, built from the working tree by Testcontainers'
 * builder (the legacy builder's API: it honours {@code .dockerignore}) and tagged {@value #TAG}.
 *
 * <p>Base images, the Dockerfile's build arguments: system properties {@code ringway.image.buildImage}
 * ({@code BUILD_IMAGE}) and {@code ringway.image.baseImage} ({@code BASE_IMAGE}); unset, the offline
 * ones of {@code scripts/base-image.sh} when the engine has them, else the Dockerfile's defaults
 * (pulled from their registry). The build runs on the host's network: the engine of
 * {@code scripts/docker-engine.sh} has no bridge, and the build stage's Maven needs Maven Central.
 *
 * <p>Without a Docker engine the tier is skipped, and fails with {@code CI=true}, where
 * {@code .ci/run} starts one.
 */
final class RingwayImage {

    static final String TAG = "ringway:it";

    private static final String OFFLINE_BUILD_IMAGE = "ringway-base:jdk";
    private static final String OFFLINE_BASE_IMAGE = "ringway-base:jre";

    private RingwayImage() {
    }

    /** Skips the calling class unless a Docker engine answers (fails instead with {@code CI=true}). */
    static void requireDocker() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            RealSwiftStorage.skipOrFailInCi("no Docker engine answers (DOCKER_HOST="
                    + System.getenv("DOCKER_HOST") + "); eval \"$(scripts/docker-engine.sh up)\" starts one");
        }
    }

    /** The image, built when first resolved (a few seconds when the engine's layer cache is warm). */
    static ImageFromDockerfile image() {
        return new ImageFromDockerfile(TAG, false)
                .withDockerfile(Path.of("Dockerfile").toAbsolutePath())
                .withBuildArgs(buildArgs())
                .withBuildImageCmdModifier(build -> build.withNetworkMode("host"));
    }

    /** {@code BUILD_IMAGE} and {@code BASE_IMAGE} as chosen (see the class comment); empty for the defaults. */
    static Map<String, String> buildArgs() {
        Map<String, String> args = new LinkedHashMap<>();
        baseImage("ringway.image.buildImage", OFFLINE_BUILD_IMAGE).ifPresent(image -> args.put("BUILD_IMAGE", image));
        baseImage("ringway.image.baseImage", OFFLINE_BASE_IMAGE).ifPresent(image -> args.put("BASE_IMAGE", image));
        return args;
    }

    /** A free TCP port on loopback (the container shares the host's network). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Writes {@code logs} to {@code target/container-image/<name>} for a look after the run. */
    static Path saveLogs(String name, String logs) throws IOException {
        Path file = Path.of("target", "container-image", name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, logs);
    }

    private static Optional<String> baseImage(String property, String offline) {
        String chosen = System.getProperty(property, "");
        if (!chosen.isBlank()) {
            return Optional.of(chosen);
        }
        try {
            DockerClientFactory.instance().client().inspectImageCmd(offline).exec();
            return Optional.of(offline);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }
}
