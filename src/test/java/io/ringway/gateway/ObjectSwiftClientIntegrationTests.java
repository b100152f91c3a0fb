package io.ringway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Swift client, python-swiftclient's {@code swift} CLI, through the booted gateway's full
 * pipeline (tempauth, cache, listing_formats) and its account, container and object controllers:
 * upload, stat, download (which checks the MD5 against the ETag), post, list, delete.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObjectSwiftClientIntegrationTests {

    private static final Path CLIENT = Path.of("/usr/bin/swift");

    @TempDir
    static Path data;

    @TempDir
    static Path work;

    private SwiftApi api;

    @BeforeAll
    void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CLIENT), "python3-swiftclient's swift CLI is not installed");
        api = SwiftApi.start(data);
    }

    @AfterAll
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void theSwiftClientUploadsStatsDownloadsPostsListsAndDeletes() throws Exception {
        byte[] content = new byte[300_000];
        new Random(5).nextBytes(content);
        Files.write(work.resolve("data.bin"), content);
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));

        Result upload = swift("upload", "box", "data.bin");
        Result stat = swift("stat", "box", "data.bin");
        Result download = swift("download", "box", "data.bin", "-o", "copy.bin");
        Result post = swift("post", "-m", "color:blue", "box", "data.bin");
        Result statAfterPost = swift("stat", "box", "data.bin");
        Result list = swift("list", "box");
        Result delete = swift("delete", "box", "data.bin");
        Result statAfterDelete = swift("stat", "box", "data.bin");

        assertThat(upload.exit()).as(upload.toString()).isZero();
        assertThat(stat.out()).contains("ETag: " + md5, "Content Length: 300000",
                "Content Type: application/octet-stream", "Meta Mtime:");
        assertThat(download.exit()).as(download.toString()).isZero();
        assertThat(Files.readAllBytes(work.resolve("copy.bin"))).isEqualTo(content);
        assertThat(post.exit()).as(post.toString()).isZero();
        assertThat(statAfterPost.out()).contains("Meta Color: blue");
        assertThat(list.out().lines()).containsExactly("data.bin");
        assertThat(delete.exit()).as(delete.toString()).isZero();
        assertThat(statAfterDelete.exit()).isNotZero();
        assertThat(statAfterDelete.err()).contains("Object HEAD failed", "404 Not Found");
    }

    private Result swift(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(CLIENT.toString(), "-A", api.base + "/auth/v1.0", "-U",
                "test:tester", "-K", "testing"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("OS_") || key.startsWith("ST_"));
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
        String out = drain(process.getInputStream());
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("swift " + String.join(" ", args) + " did not finish");
        }
        return new Result(String.join(" ", args), process.exitValue(), out, err.join());
    }

    private static String drain(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Result(String command, int exit, String out, String err) {
    }
}
