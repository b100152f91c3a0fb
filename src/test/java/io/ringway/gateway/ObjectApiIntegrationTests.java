package io.ringway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.ring.Node;
import io.ringway.ring.Ring;
import io.ringway.ring.Rings;
import io.ringway.swift.Timestamp;
import io.ringway.testing.http.RawConnection;
import io.ringway.testing.http.RawHttpClient;
import io.ringway.testing.http.RawRequest;
import io.ringway.testing.http.RawResponse;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The object API of the booted gateway over the embedded storage node, as a Swift client sees
 * it: statuses, headers and bodies of Swift 2.30.1's proxy. The container is made on the
 * container servers directly (the container controller is someone else's), each test using
 * its own object names.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObjectApiIntegrationTests {

    private static final String ACCOUNT = "AUTH_obj";
    private static final String CONTAINER = "box";
    private static final String BASE = "/v1/" + ACCOUNT + "/" + CONTAINER + "/";

    @TempDir
    static Path data;

    private ConfigurableApplicationContext app;
    private RawHttpClient raw;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        app = GatewayApp.start(data, "--ringway.pipeline=catch_errors,gatekeeper,healthcheck,proxy_logging,cache");
        raw = RawHttpClient.local(GatewayApp.port(app));
        create(app.getBean(Rings.class).account(), ACCOUNT, null);
        create(app.getBean(Rings.class).container(), ACCOUNT, CONTAINER);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void putThenGetReturnsTheBytesWithSwiftsHeaders() {
        RawResponse put = raw.sendWithBody("PUT", BASE + "hello.txt", "hello world", "X-Object-Meta-Color", "blue");
        RawResponse get = raw.send("GET", BASE + "hello.txt");

        assertThat(put.status()).isEqualTo(201);
        assertThat(put.header("Etag")).isEqualTo("5eb63bbbe01eeed093cb22bb8f5acdc3");
        assertThat(put.header("Last-Modified")).isNotNull();
        assertThat(put.header("Content-Length")).isEqualTo("0");
        assertThat(put.header("Content-Type")).isEqualTo("text/html; charset=UTF-8");
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.text()).isEqualTo("hello world");
        assertThat(get.header("Etag")).isEqualTo("5eb63bbbe01eeed093cb22bb8f5acdc3");
        assertThat(get.header("Content-Type")).isEqualTo("text/plain");
        assertThat(get.header("Content-Length")).isEqualTo("11");
        assertThat(get.header("Accept-Ranges")).isEqualTo("bytes");
        assertThat(get.header("X-Object-Meta-Color")).isEqualTo("blue");
        assertThat(get.header("X-Timestamp")).matches("\\d{10}\\.\\d{5}");
        assertThat(get.header("Last-Modified")).isEqualTo(put.header("Last-Modified"));
        assertThat(get.header("Date")).isNotNull();
        assertThat(get.headerMap().keySet()).noneMatch(name -> name.toLowerCase().startsWith("x-backend"));
    }

    @Test
    void headHasTheHeadersOfGetWithoutBody() {
        raw.sendWithBody("PUT", BASE + "head.bin", "0123456789", "Content-Type", "application/x-thing");

        RawResponse head = raw.send("HEAD", BASE + "head.bin");

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.header("Content-Length")).isEqualTo("10");
        assertThat(head.header("Content-Type")).isEqualTo("application/x-thing");
        assertThat(head.header("Etag")).isEqualTo("781e5e245d69b566979b86e28d23f2c7");
    }

    @Test
    void missingObjectIs404WithSwiftsBody() {
        RawResponse get = raw.send("GET", BASE + "nothing-here");
        RawResponse head = raw.send("HEAD", BASE + "nothing-here");

        assertThat(get.status()).isEqualTo(404);
        assertThat(get.text()).isEqualTo("<html><h1>Not Found</h1><p>The resource could not be found.</p></html>");
        assertThat(head.status()).isEqualTo(404);
    }

    @Test
    void singleRangeIsPartialContent() {
        raw.sendWithBody("PUT", BASE + "range.txt", "0123456789");

        RawResponse get = raw.send("GET", BASE + "range.txt", "Range", "bytes=2-5");

        assertThat(get.status()).isEqualTo(206);
        assertThat(get.text()).isEqualTo("2345");
        assertThat(get.header("Content-Range")).isEqualTo("bytes 2-5/10");
        assertThat(get.header("Content-Length")).isEqualTo("4");
        assertThat(get.header("Accept-Ranges")).isEqualTo("bytes");
    }

    @Test
    void severalRangesAreMultipartByteranges() {
        raw.sendWithBody("PUT", BASE + "ranges.txt", "0123456789", "Content-Type", "text/plain");

        RawResponse get = raw.send("GET", BASE + "ranges.txt", "Range", "bytes=0-1,-2");

        assertThat(get.status()).isEqualTo(206);
        assertThat(get.header("Content-Type")).startsWith("multipart/byteranges;boundary=");
        String boundary = get.header("Content-Type").substring("multipart/byteranges;boundary=".length());
        assertThat(get.text()).contains("--" + boundary, "Content-Range: bytes 0-1/10", "\r\n\r\n01\r\n",
                "Content-Range: bytes 8-9/10", "\r\n\r\n89\r\n", "--" + boundary + "--");
        assertThat(get.header("Content-Length")).isEqualTo(Integer.toString(get.body().length));
    }

    @Test
    void unsatisfiableRangeIs416() {
        raw.sendWithBody("PUT", BASE + "short.txt", "0123");

        RawResponse get = raw.send("GET", BASE + "short.txt", "Range", "bytes=10-20");

        assertThat(get.status()).isEqualTo(416);
        assertThat(get.header("Content-Range")).isEqualTo("bytes */4");
    }

    @Test
    void conditionalsAnswerNotModifiedOrPreconditionFailed() {
        String etag = raw.sendWithBody("PUT", BASE + "cond.txt", "conditional").header("Etag");
        String lastModified = raw.send("HEAD", BASE + "cond.txt").header("Last-Modified");

        RawResponse noneMatch = raw.send("GET", BASE + "cond.txt", "If-None-Match", "\"" + etag + "\"");
        RawResponse match = raw.send("GET", BASE + "cond.txt", "If-Match", "\"other\"");
        RawResponse modifiedSince = raw.send("GET", BASE + "cond.txt", "If-Modified-Since", lastModified);
        RawResponse unmodifiedSince = raw.send("GET", BASE + "cond.txt", "If-Unmodified-Since",
                "Thu, 01 Jan 2015 00:00:00 GMT");
        RawResponse matching = raw.send("GET", BASE + "cond.txt", "If-Match", etag);

        assertThat(noneMatch.status()).isEqualTo(304);
        assertThat(noneMatch.header("Etag")).isEqualTo(etag);
        assertThat(match.status()).isEqualTo(412);
        // As Swift's: the object server's conditional 412 has no body, and the proxy passes it on.
        assertThat(match.text()).isEmpty();
        assertThat(match.header("Etag")).isEqualTo(etag);
        assertThat(modifiedSince.status()).isEqualTo(304);
        assertThat(unmodifiedSince.status()).isEqualTo(412);
        assertThat(matching.status()).isEqualTo(200);
        assertThat(matching.text()).isEqualTo("conditional");
    }

    @Test
    void xNewestReadsTheObject() {
        raw.sendWithBody("PUT", BASE + "newest.txt", "newest");

        RawResponse get = raw.send("GET", BASE + "newest.txt", "X-Newest", "true");

        assertThat(get.status()).isEqualTo(200);
        assertThat(get.text()).isEqualTo("newest");
    }

    @Test
    void tenMebibytesStreamThroughWithTheirMd5() throws Exception {
        int size = 10 * 1024 * 1024;
        MessageDigest sent = MessageDigest.getInstance("MD5");
        URI uri = URI.create("http://127.0.0.1:" + GatewayApp.port(app) + BASE + "big.bin");
        long start = System.nanoTime();
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(uri)
                .PUT(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new DigestingStream(size, sent)), size))
                .build(), HttpResponse.BodyHandlers.ofString());
        long putNanos = System.nanoTime() - start;
        String md5 = HexFormat.of().formatHex(sent.digest());

        start = System.nanoTime();
        HttpResponse<InputStream> get = http.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        MessageDigest received = MessageDigest.getInstance("MD5");
        long length = 0;
        try (InputStream in = get.body()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                received.update(buffer, 0, n);
                length += n;
            }
        }
        long getNanos = System.nanoTime() - start;
        System.out.printf("10 MiB object: PUT %d ms, GET %d ms%n", putNanos / 1_000_000, getNanos / 1_000_000);

        assertThat(put.statusCode()).isEqualTo(201);
        assertThat(put.headers().firstValue("Etag")).hasValue(md5);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(length).isEqualTo(size);
        assertThat(HexFormat.of().formatHex(received.digest())).isEqualTo(md5);
        assertThat(get.headers().firstValue("Etag")).hasValue(md5);
    }

    @Test
    void chunkedUploadIsStored() {
        RawResponse put = raw.send(RawRequest.of("PUT", BASE + "chunked.txt").chunked("hello ", "chunked ", "world"));
        RawResponse get = raw.send("GET", BASE + "chunked.txt");

        assertThat(put.status()).isEqualTo(201);
        assertThat(get.text()).isEqualTo("hello chunked world");
        assertThat(get.header("Content-Length")).isEqualTo("19");
    }

    @Test
    void expectContinueIsAnsweredBeforeTheBodyIsSent() {
        RawResponse put = raw.send(RawRequest.of("PUT", BASE + "continue.txt").body("after continue").expectContinue());

        assertThat(put.interim()).containsExactly(100);
        assertThat(put.status()).isEqualTo(201);
        assertThat(raw.send("GET", BASE + "continue.txt").text()).isEqualTo("after continue");
    }

    @Test
    void expectContinueToAMissingContainerIsRefusedWithoutReadingTheBody() {
        RawResponse put = raw.send(RawRequest.of("PUT", "/v1/" + ACCOUNT + "/no-such-container/o").body("unread")
                .expectContinue());

        assertThat(put.interim()).isEmpty();
        assertThat(put.status()).isEqualTo(404);
    }

    @Test
    void missingContainerIs404ForEveryMethod() {
        String path = "/v1/" + ACCOUNT + "/no-such-container/o";

        assertThat(raw.sendWithBody("PUT", path, "x").status()).isEqualTo(404);
        assertThat(raw.send("GET", path).status()).isEqualTo(404);
        assertThat(raw.send("HEAD", path).status()).isEqualTo(404);
        assertThat(raw.send("POST", path, "X-Object-Meta-A", "b").status()).isEqualTo(404);
        assertThat(raw.send("DELETE", path).status()).isEqualTo(404);
    }

    @Test
    void contentTypeIsGuessedFromTheNameOrDetectedOnRequest() {
        raw.sendWithBody("PUT", BASE + "guess.json", "{}");
        raw.sendWithBody("PUT", BASE + "noext", "x");
        raw.sendWithBody("PUT", BASE + "detect.html", "<p>", "Content-Type", "text/plain", "X-Detect-Content-Type",
                "true");
        raw.sendWithBody("PUT", BASE + "kept.html", "<p>", "Content-Type", "text/plain");

        assertThat(raw.send("HEAD", BASE + "guess.json").header("Content-Type")).isEqualTo("application/json");
        assertThat(raw.send("HEAD", BASE + "noext").header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(raw.send("HEAD", BASE + "detect.html").header("Content-Type")).isEqualTo("text/html");
        assertThat(raw.send("HEAD", BASE + "kept.html").header("Content-Type")).isEqualTo("text/plain");
    }

    @Test
    void postReplacesTheMetadata() {
        raw.sendWithBody("PUT", BASE + "post.txt", "body", "X-Object-Meta-Old", "1");

        RawResponse post = raw.send("POST", BASE + "post.txt", "X-Object-Meta-New", "2");
        RawResponse head = raw.send("HEAD", BASE + "post.txt");
        RawResponse missing = raw.send("POST", BASE + "no-such-object", "X-Object-Meta-New", "2");

        assertThat(post.status()).isEqualTo(202);
        assertThat(post.text()).isEqualTo("<html><h1>Accepted</h1><p>The request is accepted for processing.</p></html>");
        assertThat(head.header("X-Object-Meta-New")).isEqualTo("2");
        assertThat(head.header("X-Object-Meta-Old")).isNull();
        assertThat(raw.send("GET", BASE + "post.txt").text()).isEqualTo("body");
        assertThat(missing.status()).isEqualTo(404);
    }

    @Test
    void deleteRemovesTheObject() {
        raw.sendWithBody("PUT", BASE + "delete.txt", "gone soon");

        RawResponse delete = raw.send("DELETE", BASE + "delete.txt");
        RawResponse again = raw.send("DELETE", BASE + "delete.txt");

        assertThat(delete.status()).isEqualTo(204);
        assertThat(raw.send("GET", BASE + "delete.txt").status()).isEqualTo(404);
        assertThat(again.status()).isEqualTo(404);
    }

    @Test
    void deleteAfterExpiresTheObject() throws Exception {
        long before = System.currentTimeMillis() / 1000;
        RawResponse put = raw.sendWithBody("PUT", BASE + "expiring.txt", "short-lived", "X-Delete-After", "3");
        RawResponse head = raw.send("HEAD", BASE + "expiring.txt");

        assertThat(put.status()).isEqualTo(201);
        // Swift's int(now + delete_after): at least 2 seconds ahead, so the HEAD still finds the object.
        assertThat(head.status()).isEqualTo(200);
        assertThat(Long.parseLong(head.header("X-Delete-At"))).isBetween(before + 2, before + 4);
        // The object servers compare X-Delete-At with their own clock: wait for it to pass.
        long until = System.currentTimeMillis() + 8_000;
        int status = 200;
        while (status != 404 && System.currentTimeMillis() < until) {
            Thread.sleep(250);
            status = raw.send("GET", BASE + "expiring.txt").status();
        }
        assertThat(status).isEqualTo(404);
    }

    @Test
    void postSetsDeleteAtFromDeleteAfter() {
        raw.sendWithBody("PUT", BASE + "post-expiring.txt", "x");

        RawResponse post = raw.send("POST", BASE + "post-expiring.txt", "X-Delete-After", "3600");
        String deleteAt = raw.send("HEAD", BASE + "post-expiring.txt").header("X-Delete-At");

        assertThat(post.status()).isEqualTo(202);
        assertThat(Long.parseLong(deleteAt) - System.currentTimeMillis() / 1000).isBetween(3590L, 3601L);
    }

    @Test
    void badInputGetsSwiftsClientErrors() {
        String longName = "n".repeat(1025);

        RawResponse noLength = raw.send("PUT", BASE + "nolength");
        RawResponse tooLong = raw.sendWithBody("PUT", BASE + longName, "x");
        RawResponse pastDelete = raw.sendWithBody("PUT", BASE + "past", "x", "X-Delete-After", "-1");
        RawResponse badDelete = raw.sendWithBody("PUT", BASE + "bad", "x", "X-Delete-At", "soon");
        RawResponse ifNoneMatch = raw.sendWithBody("PUT", BASE + "inm", "x", "If-None-Match", "\"abc\"");
        RawResponse swiftParam = raw.sendWithBody("PUT", BASE + "param", "x", "Content-Type", "text/plain;swift_x=1");
        RawResponse badMeta = raw.sendWithBody("PUT", BASE + "meta", "x", "X-Object-Meta-" + "k".repeat(129), "v");
        RawResponse wrongEtag = raw.sendWithBody("PUT", BASE + "etag", "x", "ETag", "0123456789abcdef0123456789abcdef");

        assertThat(noLength.status()).isEqualTo(411);
        assertThat(noLength.header("Date")).isNotNull();
        assertThat(noLength.text()).isEqualTo("Missing Content-Length header.");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.text()).isEqualTo("Object name length of 1025 longer than 1024");
        assertThat(pastDelete.status()).isEqualTo(400);
        assertThat(pastDelete.text()).isEqualTo("X-Delete-After in past");
        assertThat(badDelete.status()).isEqualTo(400);
        assertThat(badDelete.text()).isEqualTo("Non-integer X-Delete-At");
        assertThat(ifNoneMatch.status()).isEqualTo(400);
        assertThat(ifNoneMatch.text()).isEqualTo("If-None-Match only supports *");
        assertThat(swiftParam.status()).isEqualTo(400);
        // HTTPBadRequest("...") in check_content_type: the message is the whole body, typed text/html.
        assertThat(swiftParam.text()).isEqualTo("Invalid Content-Type, swift_* is not a valid parameter name.");
        assertThat(swiftParam.header("Content-Type")).isEqualTo("text/html; charset=UTF-8");
        assertThat(badMeta.status()).isEqualTo(400);
        // Swift names the header as WSGI spelled it: the key title-cased after a lower-case prefix.
        assertThat(badMeta.text()).isEqualTo("Metadata name too long: x-object-meta-K" + "k".repeat(128));
        assertThat(wrongEtag.status()).isEqualTo(422);
        assertThat(wrongEtag.header("Last-Modified")).isNotNull();
        assertThat(wrongEtag.text()).isEqualTo(
                "<html><h1>Unprocessable Entity</h1><p>Unable to process the contained instructions</p></html>");
        assertThat(raw.send("HEAD", BASE + "etag").status()).isEqualTo(404);
    }

    @Test
    void ifNoneMatchStarRefusesToOverwrite() {
        RawResponse first = raw.sendWithBody("PUT", BASE + "once.txt", "first", "If-None-Match", "*");
        RawResponse second = raw.sendWithBody("PUT", BASE + "once.txt", "second", "If-None-Match", "*");

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(412);
        assertThat(raw.send("GET", BASE + "once.txt").text()).isEqualTo("first");
    }

    @Test
    void clientThatDisconnectsMidPutLeavesNoObject() throws Exception {
        try (RawConnection connection = raw.open()) {
            connection.sendHead(RawRequest.of("PUT", BASE + "abandoned.txt").header("Content-Length", "1000"));
            connection.send("only the start".getBytes(StandardCharsets.UTF_8));
        }

        // The gateway notices the close, then drops its connections to the object servers.
        long until = System.currentTimeMillis() + 3_000;
        while (System.currentTimeMillis() < until) {
            assertThat(raw.send("HEAD", BASE + "abandoned.txt").status()).isEqualTo(404);
            Thread.sleep(200);
        }
    }

    @Test
    void methodsOtherThanTheObjectOnesAre405() {
        RawResponse copy = raw.send("COPY", BASE + "x", "Destination", "c/y");

        assertThat(copy.status()).isEqualTo(405);
        assertThat(copy.header("Allow")).contains("GET", "HEAD", "PUT", "POST", "DELETE");
    }

    /** Creates an account ({@code container} null) or a container on its primaries, as a proxy would. */
    private void create(Ring ring, String account, String container) throws Exception {
        int partition = ring.partition(account, container, null);
        String timestamp = Timestamp.ofMillis(System.currentTimeMillis()).internal();
        for (Node node : ring.primaryNodes(partition)) {
            URI uri = URI.create("http://" + node.device().ip() + ":" + node.device().port() + "/"
                    + node.device().device() + "/" + partition + "/" + account
                    + (container == null ? "" : "/" + container));
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .PUT(HttpRequest.BodyPublishers.noBody())
                    .header("X-Timestamp", timestamp);
            if (container != null) {
                request.header("X-Backend-Storage-Policy-Index", "0");
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(201);
        }
    }

    /** {@code size} pseudo-random bytes, digested as they are read: the test never holds the object. */
    private static final class DigestingStream extends InputStream {

        private final Random random = new Random(42);
        private final MessageDigest digest;
        private long left;

        DigestingStream(long size, MessageDigest digest) {
            this.left = size;
            this.digest = digest;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            byte[] bytes = new byte[n];
            random.nextBytes(bytes);
            System.arraycopy(bytes, 0, buffer, offset, n);
            digest.update(bytes);
            left -= n;
            return n;
        }
    }
}
