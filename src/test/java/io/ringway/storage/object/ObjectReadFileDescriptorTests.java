package io.ringway.storage.object;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * GET and HEAD close the data file they open for the metadata on every path: a whole body, a
 * range, HEAD, 304, 412, 416 and a client that goes away mid-body. Counted in /proc/self/fd.
 */
@EnabledOnOs(OS.LINUX)
class ObjectReadFileDescriptorTests {

    private static final String SMALL = "/sda1/0/a/c/small";
    private static final String BIG = "/sda1/0/a/c/big";
    private static final int ROUNDS = 25;

    @TempDir
    Path devices;
    ObjectServerFixture fixture;
    String etag;

    @BeforeEach
    void start() throws IOException {
        fixture = new ObjectServerFixture(devices);
        etag = fixture.put(SMALL, "0123456789").header("Etag");
        // far more than the socket buffers hold, so a client closing early cancels a body mid-way
        assertThat(fixture.put(BIG, "x".repeat(16 << 20)).status()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void everyReadClosesTheDataFileItOpened() throws Exception {
        assertThat(openDataFiles()).isZero();
        for (int round = 0; round < ROUNDS; round++) {
            assertThat(fixture.request("GET", SMALL).text()).isEqualTo("0123456789");
            assertThat(fixture.request("HEAD", SMALL).status()).isEqualTo(200);
            assertThat(fixture.request("GET", SMALL, "Range", "bytes=2-3").status()).isEqualTo(206);
            assertThat(fixture.request("GET", SMALL, "Range", "bytes=0-1,4-5").status()).isEqualTo(206);
            assertThat(fixture.request("GET", SMALL, "Range", "bytes=50-60").status()).isEqualTo(416);
            assertThat(fixture.request("GET", SMALL, "If-None-Match", etag).status()).isEqualTo(304);
            assertThat(fixture.request("HEAD", SMALL, "If-Match", "\"nope\"").status()).isEqualTo(412);
            assertThat(fixture.request("GET", "/sda1/0/a/c/missing").status()).isEqualTo(404);
            cancelMidBody();
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (openDataFiles() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(openDataFiles()).as("data files still open under %s", devices).isZero();
    }

    /** Reads the status line and a little of a big body, then closes the connection. */
    private void cancelMidBody() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", fixture.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + BIG + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            byte[] start = in.readNBytes(4096);
            assertThat(new String(start, 0, 12, StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 200");
        }
    }

    /** The descriptors of this JVM that point into the devices directory. */
    private long openDataFiles() throws IOException {
        Path root = devices.toRealPath();
        long count = 0;
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Paths.get("/proc/self/fd"))) {
            for (Path fd : fds) {
                try {
                    if (Files.readSymbolicLink(fd).startsWith(root)) {
                        count++;
                    }
                } catch (IOException e) {
                    // closed while we looked
                }
            }
        }
        return count;
    }
}
