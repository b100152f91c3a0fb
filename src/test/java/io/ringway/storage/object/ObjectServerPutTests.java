package io.ringway.storage.object;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.testing.http.RawRequest;
import io.ringway.testing.http.RawResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PUT bodies over raw sockets: chunked, Expect: 100-continue, and every way a PUT fails without leaving anything. */
class ObjectServerPutTests {

    private static final String PATH = "/sda1/0/a/c/o";

    @RegisterExtension
    final ObjectServerFixture fixture = ObjectServerFixture.perTest(ObjectServerSettings.defaults()
            .withFallocateReserve("0")
            .withClientTimeout(Duration.ofMillis(500)));

    @Test
    void chunkedUploadIsStoredWhole() throws IOException {
        RawResponse put = fixture.exchange(fixture.newPut(PATH).chunked("hello", " world"));
        assertThat(put.status()).isEqualTo(201);
        assertThat(put.header("Etag")).isEqualTo("\"5eb63bbbe01eeed093cb22bb8f5acdc3\"");
        RawResponse get = fixture.request("GET", PATH);
        assertThat(get.text()).isEqualTo("hello world");
        assertThat(get.header("Content-Length")).isEqualTo("11");
    }

    @Test
    void expectContinueGetsContinueThenCreated() throws IOException {
        RawResponse put = fixture.exchange(fixture.newPut(PATH).body("hello").expectContinue());
        assertThat(put.interim()).containsExactly(100);
        assertThat(put.status()).isEqualTo(201);
        assertThat(fixture.request("GET", PATH).text()).isEqualTo("hello");
    }

    @Test
    void expectContinueRejectedFromHeadersGetsNoContinue() throws IOException {
        fixture.put(PATH, "newer", "X-Timestamp", "1795305700.00000");
        RawResponse older = fixture.exchange(RawRequest.of("PUT", PATH)
                .headers("X-Timestamp", "1795305600.00000", "Content-Type", "text/plain")
                .body("hello")
                .expectContinue());
        assertThat(older.interim()).isEmpty();
        assertThat(older.status()).isEqualTo(409);
        assertThat(older.header("X-Backend-Timestamp")).isEqualTo("1795305700.00000");
        RawResponse invalid = fixture.exchange(fixture.newPut(PATH).header("X-Delete-At", "zz").body("hello")
                .expectContinue());
        assertThat(invalid.interim()).isEmpty();
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.text()).isEqualTo("Non-integer X-Delete-At");
    }

    @Test
    void etagMismatchIsUnprocessableAndCommitsNothing() throws IOException {
        RawResponse put = fixture.put(PATH, "hello", "ETag", "00000000000000000000000000000000");
        assertThat(put.status()).isEqualTo(422);
        assertThat(put.text()).isEqualTo(
                "<html><h1>Unprocessable Entity</h1><p>Unable to process the contained instructions</p></html>");
        assertThat(fixture.filesOf("a", "c", "o")).isEmpty();
        awaitNoTempFiles();
        assertThat(fixture.put(PATH, "hello", "ETag", "5D41402ABC4B2A76B9719D911017C592").status()).isEqualTo(201);
    }

    @Test
    void truncatedBodyCommitsNothingAndLeavesNoTempFile() throws IOException {
        // Swift answers 499 to a client that is gone; we only care the server gave up
        fixture.sendHalfAndHangUp(PATH);
        awaitNoTempFiles();
        assertThat(fixture.filesOf("a", "c", "o")).isEmpty();
        assertThat(fixture.request("GET", PATH).status()).isEqualTo(404);
    }

    @Test
    void stalledBodyTimesOutWith408AndCommitsNothing() throws IOException {
        // Content-Length 10, 5 bytes sent, then the client waits for an answer.
        RawResponse response = fixture.exchange(fixture.newPut(PATH).header("Content-Length", "10")
                .rawBody("hello".getBytes(StandardCharsets.US_ASCII)));
        assertThat(response.status()).isEqualTo(408);
        assertThat(response.text()).isEqualTo("<html><h1>Request Timeout</h1><p>The server has waited too long "
                + "for the request to be sent by the client.</p></html>");
        awaitNoTempFiles();
        assertThat(fixture.filesOf("a", "c", "o")).isEmpty();
    }

    @Test
    void missingOrInvalidTimestampIsBadRequest() throws IOException {
        RawResponse missing = ObjectServerFixture.exchange(fixture.port(), "PUT", PATH,
                Map.of("Content-Type", "text/plain"), "x".getBytes(StandardCharsets.US_ASCII));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.text()).isEqualTo("Missing X-Timestamp header");
        assertThat(missing.header("Content-Type")).isEqualTo("text/plain");
        RawResponse invalid = fixture.put(PATH, "x", "X-Timestamp", "abc");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.text()).isEqualTo("Invalid X-Timestamp header");
    }

    @Test
    void badPathsAreBadRequest() throws IOException {
        RawResponse shortPath = fixture.request("GET", "/sda1/0/a/c");
        assertThat(shortPath.status()).isEqualTo(400);
        assertThat(shortPath.text()).isEqualTo("Invalid path: /sda1/0/a/c");
        assertThat(fixture.request("GET", "/sda1/../a/c/o").status()).isEqualTo(400);
    }

    @Test
    void oversizedMetadataIsBadRequestWithSwiftsMessages() throws IOException {
        String longName = "k".repeat(129);
        RawResponse name = fixture.put(PATH, "x", "X-Object-Meta-" + longName, "v");
        assertThat(name.status()).isEqualTo(400);
        assertThat(name.text()).isEqualTo("Metadata name too long: x-object-meta-K" + longName.substring(1));
        RawResponse value = fixture.put(PATH, "x", "X-Object-Meta-Big", "v".repeat(257));
        assertThat(value.text()).isEqualTo("Metadata value longer than 256: x-object-meta-Big");
        String[] many = new String[182];
        many[0] = "X-Timestamp";
        many[1] = fixture.nextTimestamp();
        for (int i = 1; i <= 90; i++) {
            many[2 * i] = "X-Object-Meta-M" + i;
            many[2 * i + 1] = "v";
        }
        assertThat(fixture.put(PATH, "x", many).status()).isEqualTo(201);
        String[] tooMany = java.util.Arrays.copyOf(many, 184);
        tooMany[1] = fixture.nextTimestamp();
        tooMany[182] = "X-Object-Meta-M91";
        tooMany[183] = "v";
        assertThat(fixture.put(PATH, "x", tooMany).text()).isEqualTo("Too many metadata items; max 90");
        String[] large = new String[2 + 2 * 20];
        large[0] = "X-Timestamp";
        large[1] = fixture.nextTimestamp();
        for (int i = 1; i <= 20; i++) {
            large[2 * i] = "X-Object-Meta-L" + i;
            large[2 * i + 1] = "v".repeat(250);
        }
        assertThat(fixture.put(PATH, "x", large).text()).isEqualTo("Total metadata too large; max 4096");
    }

    @Test
    void deleteAtInThePastOrNotAnIntegerIsBadRequest() throws IOException {
        assertThat(fixture.put(PATH, "x", "X-Delete-At", "12").text()).isEqualTo("X-Delete-At in past");
        assertThat(fixture.put(PATH, "x", "X-Delete-At", "soon").text()).isEqualTo("Non-integer X-Delete-At");
        assertThat(fixture.request("POST", PATH, "X-Timestamp", fixture.nextTimestamp(), "X-Delete-At", "12").text())
                .isEqualTo("X-Delete-At in past");
    }

    @Test
    void missingContentLengthIsLengthRequiredAndMissingTypeIsInvalid() throws IOException {
        RawResponse noLength = fixture.request("PUT", PATH, "X-Timestamp", fixture.nextTimestamp(),
                "Content-Type", "text/plain");
        assertThat(noLength.status()).isEqualTo(411);
        assertThat(noLength.text()).isEqualTo("Missing Content-Length header.");
        RawResponse noType = ObjectServerFixture.exchange(fixture.port(), "PUT", PATH,
                Map.of("X-Timestamp", fixture.nextTimestamp()), "x".getBytes(StandardCharsets.US_ASCII));
        assertThat(noType.status()).isEqualTo(400);
        assertThat(noType.text()).isEqualTo("Invalid Content-Type");
    }

    @Test
    void multipartMimePutIsRefusedBeforeTheBody() throws IOException {
        RawResponse put = fixture.put(PATH, "--boundary...", "X-Backend-Obj-Metadata-Footer", "yes",
                "X-Backend-Obj-Multipart-Mime-Boundary", "boundary");
        assertThat(put.status()).isEqualTo(501);
        assertThat(fixture.filesOf("a", "c", "o")).isEmpty();
    }

    @Test
    void missingDeviceIsInsufficientStorage() throws IOException {
        RawResponse put = fixture.put("/sdz9/0/a/c/o", "x");
        assertThat(put.status()).isEqualTo(507);
        assertThat(put.text()).isEqualTo("<html><h1>Insufficient Storage</h1><p>There was not enough space to save "
                + "the resource. Drive: sdz9</p></html>");
        assertThat(fixture.request("GET", "/sdz9/0/a/c/o").status()).isEqualTo(507);
        assertThat(fixture.request("DELETE", "/sdz9/0/a/c/o", "X-Timestamp", fixture.nextTimestamp()).status())
                .isEqualTo(507);
    }

    @Test
    void fullDiskIsInsufficientStorageBeforeTheBodyAndLeavesNothing() throws IOException {
        try (ObjectServerFixture full = new ObjectServerFixture(fixture.devices.resolve("full"),
                ObjectServerSettings.defaults().withFallocateReserve("100%"))) {
            RawResponse response = full.exchange(full.newPut(PATH).body("hello").expectContinue());
            assertThat(response.interim()).isEmpty();
            assertThat(response.status()).isEqualTo(507);
            assertThat(full.filesOf("a", "c", "o")).isEmpty();
            assertThat(full.tempFiles()).isEmpty();
        }
    }

    @Test
    void manyBrokenUploadsReleaseEveryBuffer() throws IOException {
        // Each disconnect races the body's delivery against the cancellation of the PUT: run it
        // often enough that a buffer dropped on any interleaving shows up as a Netty leak.
        for (int i = 0; i < 30; i++) {
            // Swift answers 499 to a client that is gone; we only care the server gave up
            fixture.sendHalfAndHangUp(PATH);
            if (i % 10 == 0) {
                System.gc();
            }
        }
        awaitNoTempFiles();
        assertThat(fixture.filesOf("a", "c", "o")).isEmpty();
    }

    private void awaitNoTempFiles() throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<Path> temps = fixture.tempFiles();
        while (!temps.isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            temps = fixture.tempFiles();
        }
        assertThat(temps).isEmpty();
    }
}
