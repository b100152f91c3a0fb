package io.ringway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.ring.Node;
import io.ringway.ring.Ring;
import io.ringway.ring.Rings;
import io.ringway.swift.Timestamp;
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
}
