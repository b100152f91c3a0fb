package io.ringway.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.api.model.ExposedPort;
import io.ringway.storage.conformance.RealSwiftStorage;
import io.ringway.testing.SwiftHttp;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.images.builder.Transferable;

/**
 * The container image as an operator runs it: the top-level {@code Dockerfile} built from this
 * working tree ({@link RingwayImage}), one container on the host's network with Ringway's embedded
 * storage node, and what the Helm chart relies on (uid 10001, {@code /opt/ringway/ringway.jar},
 * data in the {@code /var/lib/ringway/data} volume, {@code /etc/ringway/} read as configuration,
 * {@code JAVA_OPTS}, the ports, java as PID 1) checked on the image and the running container.
 * Swift is driven through it with the JDK's client and with python-swiftclient's {@code swift}.
 * The last test stops the container with SIGTERM. Its output is saved to
 * {@code target/container-image/ringway.log}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
final class ContainerImageIntegrationTests {

    // Set by /etc/ringway/application.yml in the container: proves the file is read.
    private static final String TRANS_ID_SUFFIX = "-etc-ringway";
    private static final String APPLICATION_YML = """
            ringway:
              middleware:
                catch_errors:
                  trans_id_suffix: "%s"
            """.formatted(TRANS_ID_SUFFIX);
    private static final String DATA = "/var/lib/ringway/data";

    private static @Nullable GenericContainer<?> ringway;
    private static int port;
    private static int managementPort;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void buildAndStart() throws Exception {
        RingwayImage.requireDocker();
        port = RingwayImage.freePort();
        managementPort = RingwayImage.freePort();
        long started = System.nanoTime();
        ImageFromDockerfile image = RingwayImage.image();
        image.get();
        long built = System.nanoTime();
        GenericContainer<?> container = new GenericContainer<>(image)
                .withNetworkMode("host")
                // The host's network: loopback only, free ports; the storage node picks its own (0).
                .withCommand("--server.address=127.0.0.1", "--server.port=" + port,
                        "--management.server.address=127.0.0.1", "--management.server.port=" + managementPort,
                        "--ringway.storage.object-port=0", "--ringway.storage.container-port=0",
                        "--ringway.storage.account-port=0")
                .withEnv("JAVA_TOOL_OPTIONS", "-Dringway.image.test=true")
                .withCopyToContainer(Transferable.of(APPLICATION_YML), "/etc/ringway/application.yml")
                .waitingFor(Wait.forLogMessage(".*Started RingwayApplication.*\\n", 1)
                        .withStartupTimeout(Duration.ofMinutes(3)));
        ringway = container;
        container.start();
        System.out.printf("container image %s (build args %s): built in %.1f s, started in %.1f s%n",
                RingwayImage.TAG, RingwayImage.buildArgs(), (built - started) / 1e9,
                (System.nanoTime() - built) / 1e9);
    }

    @AfterAll
    static void removeContainer() throws Exception {
        GenericContainer<?> container = ringway;
        if (container == null) {
            return;
        }
        try {
            if (container.getContainerId() != null) {
                RingwayImage.saveLogs("ringway.log", container.getLogs());
            }
        } finally {
            container.stop();
        }
    }

    @Test
    @Order(1)
    void imageFollowsTheDeploymentConventions() {
        ContainerConfig config = docker().inspectImageCmd(RingwayImage.TAG).exec().getConfig();
        assertThat(config).isNotNull();
        assertThat(config.getUser()).isEqualTo("10001:10001");
        assertThat(config.getWorkingDir()).isEqualTo("/var/lib/ringway");
        assertThat(config.getVolumes()).containsOnlyKeys(DATA);
        assertThat(config.getExposedPorts()).extracting(ExposedPort::getPort)
                .containsExactlyInAnyOrder(8080, 9080, 6200, 6201, 6202);
        assertThat(config.getEnv()).contains("SPRING_CONFIG_ADDITIONAL_LOCATION=optional:file:/etc/ringway/")
                .anyMatch(env -> env.startsWith("JAVA_OPTS=") && env.contains("-XX:MaxRAMPercentage=75"));
        assertThat(String.join(" ", config.getEntrypoint())).contains("exec java $JAVA_OPTS -jar /opt/ringway/ringway.jar");
    }

    @Test
    @Order(2)
    void javaIsPid1AsUid10001WithItsDataInTheVolume() throws Exception {
        GenericContainer<?> container = running();
        String status = exec("cat", "/proc/1/status");
        assertThat(status).containsPattern("(?m)^Uid:\\s+10001\\s+10001\\s")
                .containsPattern("(?m)^Gid:\\s+10001\\s+10001\\s");
        List<String> commandLine = Arrays.asList(exec("cat", "/proc/1/cmdline").split("\0"));
        assertThat(commandLine.get(0)).isEqualTo("java");
        assertThat(commandLine).contains("-XX:MaxRAMPercentage=75", "-jar", "/opt/ringway/ringway.jar",
                "--server.port=" + port);
        assertThat(container.getLogs()).contains("Picked up JAVA_TOOL_OPTIONS: -Dringway.image.test=true");
        // The default ./data: swift.conf and rings, and the devices, owned by the user, on the volume.
        assertThat(exec("ls", DATA + "/etc").lines()).contains("swift.conf", "object.ring.gz");
        assertThat(exec("ls", DATA + "/node").lines()).containsExactlyInAnyOrder("d1", "d2", "d3");
        assertThat(exec("stat", "-c", "%u:%g", DATA + "/node/d1").strip()).isEqualTo("10001:10001");
        InspectContainerResponse inspect = container.getContainerInfo();
        assertThat(inspect.getMounts()).anyMatch(mount -> mount.getDestination() != null
                && DATA.equals(mount.getDestination().getPath()));
    }

    @Test
    @Order(3)
    void probesAndMetricsAnswerOnTheManagementPort() throws Exception {
        for (String probe : List.of("liveness", "readiness")) {
            HttpResponse<String> health = management("/actuator/health/" + probe);
            assertThat(health.statusCode()).as(probe).isEqualTo(200);
            assertThat(health.body()).as(probe).contains("\"status\":\"UP\"");
        }
        HttpResponse<String> metrics = management("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    @Order(4)
    void swiftRoundTripThroughTheContainer() throws Exception {
        SwiftHttp swift = new SwiftHttp(port, "test:tester", "testing");
        byte[] body = new byte[8 * 1024 * 1024 + 7];
        new Random(17).nextBytes(body);
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body));

        assertThat(swift.send("PUT", "AUTH_test/images").statusCode()).isEqualTo(201);
        HttpResponse<String> put = swift.put("AUTH_test/images/disk.img", body, "Content-Type", "application/octet-stream");
        assertThat(put.statusCode()).isEqualTo(201);
        assertThat(put.headers().firstValue("ETag")).hasValue(md5);
        // Set by the configuration file mounted in /etc/ringway/.
        assertThat(put.headers().firstValue("X-Trans-Id")).hasValueSatisfying(id -> assertThat(id).endsWith(TRANS_ID_SUFFIX));

        HttpResponse<byte[]> get = swift.get("AUTH_test/images/disk.img");
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.headers().firstValue("ETag")).hasValue(md5);
        assertThat(get.body()).isEqualTo(body);

        assertThat(swift.send("GET", "AUTH_test/images").body()).isEqualTo("disk.img\n");
        assertThat(swift.send("GET", "AUTH_test/images?format=json").body())
                .contains("\"name\": \"disk.img\"", "\"bytes\": " + body.length, "\"hash\": \"" + md5 + "\"");
        assertThat(swift.send("GET", "AUTH_test").body().lines()).contains("images");
        // The object is on the volume: one .data file per replica, the embedded rings' 3 (the third
        // may land after the answer, which waits for a quorum of 2).
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (exec("find", DATA + "/node", "-name", "*.data").lines().count() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(exec("find", DATA + "/node", "-name", "*.data").lines()).hasSize(3);
    }

    @Test
    @Order(5)
    void swiftCliRoundTripThroughTheContainer(@TempDir Path dir) throws Exception {
        Path swiftCli = Path.of("/usr/bin/swift");
        if (!Files.isExecutable(swiftCli)) {
            RealSwiftStorage.skipOrFailInCi("not installed: " + swiftCli + " (.ci/run installs python3-swiftclient)");
        }
        byte[] body = new byte[3 * 1024 * 1024 + 1];
        new Random(29).nextBytes(body);
        Files.write(dir.resolve("upload.bin"), body);

        swift(dir, "upload", "--object-name", "cli/upload.bin", "cli-container", "upload.bin");
        assertThat(swift(dir, "list", "cli-container")).isEqualTo("cli/upload.bin\n");
        swift(dir, "download", "--output", "downloaded.bin", "cli-container", "cli/upload.bin");
        assertThat(Files.readAllBytes(dir.resolve("downloaded.bin"))).isEqualTo(body);
        assertThat(swift(dir, "stat", "cli-container")).containsPattern("Objects: 1\\b")
                .containsPattern("Bytes: " + body.length + "\\b");
    }

    @Test
    @Order(6)
    void stopsGracefullyOnSigterm() {
        String id = running().getContainerId();
        long started = System.nanoTime();
        // SIGTERM, and SIGKILL only after 30 s: a shell as PID 1 would ignore the SIGTERM (exit 137).
        docker().stopContainerCmd(id).withTimeout(30).exec();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        InspectContainerResponse.ContainerState state = docker().inspectContainerCmd(id).exec().getState();
        assertThat(state.getExitCodeLong()).as("exit code (143: the JVM ended on SIGTERM)").isEqualTo(143L);
        assertThat(took).isLessThan(Duration.ofSeconds(20));
        assertThat(running().getLogs()).contains("Graceful shutdown complete");
    }

    private static GenericContainer<?> running() {
        GenericContainer<?> container = ringway;
        assertThat(container).as("container").isNotNull();
        return container;
    }

    private static DockerClient docker() {
        return DockerClientFactory.instance().client();
    }

    private static String exec(String... command) throws Exception {
        ExecResult result = running().execInContainer(command);
        assertThat(result.getExitCode()).as("%s: %s", String.join(" ", command), result.getStderr()).isZero();
        return result.getStdout();
    }

    private HttpResponse<String> management(String path) throws Exception {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            // Seen once (a scrape of /actuator/prometheus, not reproduced since): SIGQUIT makes the
            // JVM print its threads into the container's output, saved after the class.
            docker().killContainerCmd(running().getContainerId()).withSignal("QUIT").exec();
            throw new AssertionError(path + " did not answer in 30 s; thread dump in target/container-image/ringway.log", e);
        }
    }

    /** python-swiftclient's CLI against the container, its settings only from the command line. */
    private static String swift(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/swift", "-A",
                "http://127.0.0.1:" + port + "/auth/v1.0", "-U", "test:tester", "-K", "testing", "--retries", "0"));
        command.addAll(List.of(args));
        Path out = dir.resolve("swift.out");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(out.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("OS_") || name.startsWith("ST_"));
        Process process = builder.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(command + ": no answer in 2 min");
        }
        String output = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("%s:%n%s", command, output).isZero();
        return output;
    }
}
