package io.ringway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Server-side copy in the booted gateway (Swift's pipeline with tempauth, then copy) over the
 * embedded storage node: COPY and X-Copy-From across containers and accounts, fresh metadata, a
 * missing source, container ACLs on both sides, and a 5 MiB object copied byte for byte.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CopyIntegrationTests {

    private static final String PIPELINE = "--ringway.pipeline=catch_errors,gatekeeper,healthcheck,proxy_logging,"
            + "cache,listing_formats,tempauth,copy,proxy_logging";

    @TempDir
    static Path data;

    private ConfigurableApplicationContext app;
    private String base;
    private String tester;
    private String tester3;
    private String admin;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        app = GatewayApp.start(data, PIPELINE, "--ringway.middleware.tempauth.token-secret=copy-integration");
        base = "http://127.0.0.1:" + GatewayApp.port(app);
        tester = token("test:tester", "testing");
        tester3 = token("test:tester3", "testing3");
        admin = token("admin:admin", "admin");
        for (String container : new String[] {"src", "dst", "acl-src", "acl-dst"}) {
            assertThat(send(tester, "PUT", "AUTH_test/" + container).statusCode()).isEqualTo(201);
        }
        assertThat(send(admin, "PUT", "AUTH_test2/other").statusCode()).isEqualTo(201);
        assertThat(put(tester, "AUTH_test/src/o", bytes("the source object"), "Content-Type", "text/x-source",
                "X-Object-Meta-Color", "blue").statusCode()).isEqualTo(201);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void putWithXCopyFromCopiesBytesAndMetadataAcrossContainers() throws Exception {
        HttpResponse<String> copied = send(tester, "PUT", "AUTH_test/dst/by-put", "X-Copy-From", "src/o",
                "X-Object-Meta-Size", "small");
        HttpResponse<String> source = send(tester, "HEAD", "AUTH_test/src/o");
        HttpResponse<String> get = send(tester, "GET", "AUTH_test/dst/by-put");

        assertThat(copied.statusCode()).isEqualTo(201);
        assertThat(copied.headers().firstValue("X-Copied-From")).hasValue("src/o");
        assertThat(copied.headers().firstValue("X-Copied-From-Account")).hasValue("AUTH_test");
        assertThat(copied.headers().firstValue("X-Copied-From-Last-Modified"))
                .isEqualTo(source.headers().firstValue("Last-Modified"));
        assertThat(copied.headers().firstValue("X-Object-Meta-Color")).hasValue("blue");
        assertThat(copied.headers().firstValue("Etag")).isEqualTo(source.headers().firstValue("Etag"));
        assertThat(get.body()).isEqualTo("the source object");
        assertThat(get.headers().firstValue("Content-Type")).hasValue("text/x-source");
        assertThat(get.headers().firstValue("X-Object-Meta-Color")).hasValue("blue");
        assertThat(get.headers().firstValue("X-Object-Meta-Size")).hasValue("small");
    }

    @Test
    void copyWritesTheDestinationAndKeepsOrReplacesMetadata() throws Exception {
        HttpResponse<String> kept = send(tester, "COPY", "AUTH_test/src/o", "Destination", "/dst/by-copy",
                "Content-Type", "text/x-changed");
        HttpResponse<String> fresh = send(tester, "COPY", "AUTH_test/src/o", "Destination", "dst/fresh",
                "X-Fresh-Metadata", "true", "X-Object-Meta-Only", "this");
        HttpResponse<String> keptGet = send(tester, "GET", "AUTH_test/dst/by-copy");
        HttpResponse<String> freshGet = send(tester, "GET", "AUTH_test/dst/fresh");

        assertThat(kept.statusCode()).isEqualTo(201);
        assertThat(kept.headers().firstValue("X-Copied-From")).hasValue("src/o");
        assertThat(keptGet.body()).isEqualTo("the source object");
        assertThat(keptGet.headers().firstValue("Content-Type")).hasValue("text/x-changed");
        assertThat(keptGet.headers().firstValue("X-Object-Meta-Color")).hasValue("blue");
        assertThat(fresh.statusCode()).isEqualTo(201);
        assertThat(freshGet.body()).isEqualTo("the source object");
        assertThat(freshGet.headers().firstValue("Content-Type")).hasValue("text/x-source");
        assertThat(freshGet.headers().firstValue("X-Object-Meta-Only")).hasValue("this");
        assertThat(freshGet.headers().firstValue("X-Object-Meta-Color")).isEmpty();
    }

    @Test
    void copiesAcrossAccountsBothWays() throws Exception {
        HttpResponse<String> pulled = send(admin, "PUT", "AUTH_test2/other/pulled", "X-Copy-From", "src/o",
                "X-Copy-From-Account", "AUTH_test");
        HttpResponse<String> pushed = send(admin, "COPY", "AUTH_test2/other/pulled", "Destination", "dst/pushed",
                "Destination-Account", "AUTH_test");

        assertThat(pulled.statusCode()).isEqualTo(201);
        assertThat(pulled.headers().firstValue("X-Copied-From-Account")).hasValue("AUTH_test");
        assertThat(send(admin, "GET", "AUTH_test2/other/pulled").body()).isEqualTo("the source object");
        assertThat(pushed.statusCode()).isEqualTo(201);
        assertThat(pushed.headers().firstValue("X-Copied-From-Account")).hasValue("AUTH_test2");
        assertThat(pushed.headers().firstValue("X-Copied-From")).hasValue("other/pulled");
        assertThat(send(tester, "GET", "AUTH_test/dst/pushed").body()).isEqualTo("the source object");
    }

    @Test
    void aMissingSourceIs404AndABadDestination412() throws Exception {
        HttpResponse<String> missing = send(tester, "PUT", "AUTH_test/dst/none", "X-Copy-From", "src/missing");
        HttpResponse<String> bad = send(tester, "COPY", "AUTH_test/src/o", "Destination", "no-object");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("<html><h1>Not Found</h1><p>The resource could not be found.</p></html>");
        assertThat(send(tester, "HEAD", "AUTH_test/dst/none").statusCode()).isEqualTo(404);
        assertThat(bad.statusCode()).isEqualTo(412);
        assertThat(bad.body()).isEqualTo("Destination header must be of the form <container name>/<object name>");
    }

    @Test
    void aUserMayCopyOnlyWhatItMayReadToWhereItMayWrite() throws Exception {
        assertThat(put(tester, "AUTH_test/acl-src/o", bytes("guarded")).statusCode()).isEqualTo(201);
        send(tester, "POST", "AUTH_test/acl-dst", "X-Container-Write", "test:tester3");

        HttpResponse<String> unreadable = send(tester3, "PUT", "AUTH_test/acl-dst/o", "X-Copy-From", "acl-src/o");
        HttpResponse<String> unwritable = send(tester3, "COPY", "AUTH_test/acl-dst/o", "Destination", "acl-src/o2");
        assertThat(unreadable.statusCode()).isEqualTo(403);
        assertThat(send(tester, "HEAD", "AUTH_test/acl-dst/o").statusCode()).isEqualTo(404);
        assertThat(unwritable.statusCode()).isEqualTo(403);

        send(tester, "POST", "AUTH_test/acl-src", "X-Container-Read", "test:tester3");
        HttpResponse<String> allowed = send(tester3, "PUT", "AUTH_test/acl-dst/o", "X-Copy-From", "acl-src/o");
        HttpResponse<String> stillUnwritable = send(tester3, "COPY", "AUTH_test/acl-src/o", "Destination",
                "acl-src/o2");

        assertThat(allowed.statusCode()).isEqualTo(201);
        assertThat(send(tester, "GET", "AUTH_test/acl-dst/o").body()).isEqualTo("guarded");
        assertThat(stillUnwritable.statusCode()).isEqualTo(403);
        assertThat(send(tester, "HEAD", "AUTH_test/acl-src/o2").statusCode()).isEqualTo(404);
    }

    @Test
    void copiesFiveMebibytesByteForByte() throws Exception {
        byte[] body = new byte[5 * 1024 * 1024];
        new Random(42).nextBytes(body);
        assertThat(put(tester, "AUTH_test/src/big", body).statusCode()).isEqualTo(201);

        long started = System.nanoTime();
        HttpResponse<String> copied = send(tester, "COPY", "AUTH_test/src/big", "Destination", "dst/big");
        long millis = (System.nanoTime() - started) / 1_000_000;
        HttpResponse<byte[]> get = http.send(request(tester, "GET", "AUTH_test/dst/big").build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(copied.statusCode()).isEqualTo(201);
        assertThat(copied.headers().firstValue("Etag")).hasValue(md5(body));
        assertThat(get.body()).isEqualTo(body);
        System.out.println("COPY of 5 MiB took " + millis + " ms");
    }

    private String token(String user, String key) throws Exception {
        HttpResponse<String> auth = http.send(HttpRequest.newBuilder(URI.create(base + "/auth/v1.0"))
                .header("X-Auth-User", user)
                .header("X-Auth-Key", key)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(auth.statusCode()).isEqualTo(200);
        return auth.headers().firstValue("X-Auth-Token").orElseThrow();
    }

    private HttpResponse<String> send(String token, String method, String path, String... headers) throws Exception {
        return http.send(request(token, method, path, headers).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(String token, String path, byte[] body, String... headers) throws Exception {
        return http.send(request(token, "PUT", path, headers)
                .method("PUT", HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String token, String method, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/v1/" + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("X-Auth-Token", token);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String md5(byte[] body) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body));
    }
}
