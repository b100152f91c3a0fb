package io.ringway.storage.object;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ringway.testing.http.RawConnection;
import io.ringway.testing.http.RawHttpClient;
import io.ringway.testing.http.RawRequest;
import io.ringway.testing.http.RawResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A device that really fills up: a 64 KiB tmpfs mounted as {@code sda1}, so the write itself
 * fails with ENOSPC. Needs root (to mount); skipped otherwise.
 */
class ObjectServerDiskFullTests {

    @TempDir
    Path devices;
    private boolean mounted;

    @BeforeEach
    void mountTinyDevice() throws Exception {
        Path device = Files.createDirectories(devices.resolve("sda1"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", device.toString())
                .redirectErrorStream(true)
                .start();
        mounted = mount.waitFor(10, TimeUnit.SECONDS) && mount.exitValue() == 0;
        assumeTrue(mounted, "mounting a tmpfs needs root");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            new ProcessBuilder("umount", devices.resolve("sda1").toString()).start().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void enospcWhileWritingIsInsufficientStorageAndLeavesNothing() throws IOException {
        try (ObjectServerFixture fixture = new ObjectServerFixture(devices)) {
            RawResponse response;
            try (RawConnection http = RawHttpClient.local(fixture.port()).open()) {
                // chunked, so no length is known up front and only the write can notice
                http.sendHead(RawRequest.of("PUT", "/sda1/0/a/c/big").headers("X-Timestamp", fixture.nextTimestamp(),
                        "Content-Type", "application/octet-stream", "Transfer-Encoding", "chunked"));
                byte[] chunk = ("4000\r\n" + "x".repeat(0x4000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                try {
                    for (int i = 0; i < 16; i++) {
                        http.send(chunk);
                    }
                    http.send("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // the server answered and closed before taking the whole body
                }
                response = http.read("PUT");
            }
            assertThat(response.status()).isEqualTo(507);
            assertThat(response.text()).contains("Drive: sda1");
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!fixture.tempFiles().isEmpty() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(fixture.tempFiles()).isEmpty();
            assertThat(fixture.filesOf("a", "c", "big")).isEmpty();
            assertThat(fixture.put("/sda1/0/a/c/small", "fits").status()).isEqualTo(201);
        }
    }
}
