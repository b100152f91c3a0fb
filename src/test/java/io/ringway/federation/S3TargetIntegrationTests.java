package io.ringway.federation;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.testing.AwsCli;
import io.ringway.testing.RingwayApps;
import io.ringway.testing.S3ProxyServer;
import io.ringway.testing.SwiftConfText;
import io.ringway.testing.SwiftHttp;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A federated policy whose target is a real S3 server (s3proxy, started by the test): policy
 * {@code s3} keeps each container in bucket {@code ringway-<account>-<container>}. What the
 * gateway writes is checked on the S3 server with awscli, and what awscli writes there is read
 * through the gateway; a second S3 policy names a server that is down, a third one that refuses
 * the gateway's key.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3TargetIntegrationTests {

    private static final String SWIFT_CONF = SwiftConfText.withDefaultPolicy0(
            SwiftConfText.federated(1, "s3", "s3-b")
            + SwiftConfText.federated(2, "s3-nowhere", "s3-down")
            + SwiftConfText.federated(3, "s3-refused", "s3-wrong-key")
            + SwiftConfText.federated(4, "s3-other", "s3-c"));

    @TempDir
    static Path data;

    private S3ProxyServer s3;
    private AwsCli aws;
    private ConfigurableApplicationContext app;
    private SwiftHttp swift;

    @BeforeAll
    void start() throws Exception {
        s3 = S3ProxyServer.start(Files.createDirectories(data.resolve("s3")));
        aws = new AwsCli(s3.endpoint(), S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY);
        Path local = data.resolve("local");
        Files.createDirectories(local.resolve("etc"));
        Files.writeString(local.resolve("etc").resolve("swift.conf"), SWIFT_CONF);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String target = "--ringway.federation.targets.";
        List<String> args = new ArrayList<>(s3.targetArgs("s3-b", "ringway-{account}-{container}"));
        args.addAll(List.of(target + "s3-down.type=s3",
                target + "s3-down.endpoint=http://127.0.0.1:" + closedPort,
                target + "s3-down.access-key=a",
                target + "s3-down.secret-key=b",
                target + "s3-down.limits.connect-timeout=500ms"));
        args.addAll(S3ProxyServer.targetArgs("s3-wrong-key", s3.endpoint(), "not-the-secret",
                "refused-{account}-{container}"));
        // Another target (its own pool, breaker and buckets) on the same S3 server.
        args.addAll(s3.targetArgs("s3-c", "other-{account}-{container}"));
        app = RingwayApps.start(local, WebApplicationType.REACTIVE, args.toArray(String[]::new));
        swift = new SwiftHttp(((WebServerApplicationContext) app).getWebServer().getPort(), "test:tester", "testing");
    }

    @AfterAll
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void containerPutCreatesTheBucketAndALocalRecordThatKeepsTheMetadata() throws Exception {
        assertThat(swift.send("PUT", "AUTH_test/made", "X-Storage-Policy", "s3", "X-Container-Meta-Color", "blue")
                .statusCode()).isEqualTo(201);

        assertThat(aws.run("s3api", "head-bucket", "--bucket", "ringway-auth-test-made").exitCode()).isZero();
        HttpResponse<String> here = swift.send("HEAD", "AUTH_test/made");
        assertThat(here.statusCode()).isEqualTo(204);
        assertThat(here.headers().firstValue("X-Storage-Policy")).hasValue("s3");
        assertThat(here.headers().firstValue("X-Container-Meta-Color")).hasValue("blue");
        assertThat(here.headers().firstValue("X-Container-Object-Count")).hasValue("0");
        assertThat(swift.send("GET", "AUTH_test?format=json").body()).contains("\"name\": \"made\"");

        assertThat(swift.send("PUT", "AUTH_test/made").statusCode()).isEqualTo(202);
        assertThat(swift.send("POST", "AUTH_test/made", "X-Container-Meta-Color", "green").statusCode())
                .isEqualTo(204);
        assertThat(swift.send("HEAD", "AUTH_test/made").headers().firstValue("X-Container-Meta-Color"))
                .hasValue("green");
    }

    @Test
    void aContainerWhoseNameIsNoBucketNameGetsABucketOfItsOwn() throws Exception {
        // python-swiftclient's segments container, for one: <container>_segments.
        assertThat(swift.send("PUT", "AUTH_test/Logs_segments", "X-Storage-Policy", "s3").statusCode())
                .isEqualTo(201);
        assertThat(swift.put("AUTH_test/Logs_segments/part", "segment".getBytes(StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(201);

        String bucket = "ringway-auth-test-logs-segments-" + HexFormat.of().formatHex(MessageDigest
                .getInstance("SHA-256").digest("Logs_segments".getBytes(StandardCharsets.UTF_8))).substring(0, 8);
        assertThat(aws.run("s3api", "head-object", "--bucket", bucket, "--key", "part").json()
                .get("ContentLength").asLong()).isEqualTo(7);
        assertThat(swift.send("GET", "AUTH_test/Logs_segments/part").body()).isEqualTo("segment");
        assertThat(swift.send("HEAD", "AUTH_test/logs_segments").statusCode()).isEqualTo(404);
    }

    @Test
    void objectsGoToTheBucketAndComeBackByteForByteWithTheirMetadata() throws Exception {
        assertThat(swift.send("PUT", "AUTH_test/objects", "X-Storage-Policy", "s3").statusCode()).isEqualTo(201);
        byte[] body = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(body);
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body));

        HttpResponse<String> put = swift.put("AUTH_test/objects/dir/obj ü", body, "Content-Type", "application/x-test",
                "X-Object-Meta-Fruit", "apple", "ETag", md5);
        assertThat(put.statusCode()).isEqualTo(201);
        assertThat(put.headers().firstValue("ETag")).hasValue(md5);

        JsonNode there = aws.run("s3api", "head-object", "--bucket", "ringway-auth-test-objects", "--key",
                "dir/obj ü").json();
        assertThat(there.get("ContentLength").asLong()).isEqualTo(body.length);
        assertThat(there.get("ETag").asString()).isEqualTo("\"" + md5 + "\"");
        assertThat(there.get("ContentType").asString()).isEqualTo("application/x-test");
        assertThat(there.get("Metadata").get("fruit").asString()).isEqualTo("apple");
        Path copy = data.resolve("aws-copy");
        aws.run("s3api", "get-object", "--bucket", "ringway-auth-test-objects", "--key", "dir/obj ü", copy.toString())
                .json();
        assertThat(Files.readAllBytes(copy)).isEqualTo(body);

        HttpResponse<byte[]> got = swift.get("AUTH_test/objects/dir/obj%20%C3%BC");
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).isEqualTo(body);
        assertThat(got.headers().firstValue("ETag")).hasValue(md5);
        assertThat(got.headers().firstValue("Content-Type")).hasValue("application/x-test");
        assertThat(got.headers().firstValue("X-Object-Meta-Fruit")).hasValue("apple");
        assertThat(got.headers().firstValue("X-Timestamp")).isPresent();
        assertThat(got.headers().map().keySet()).noneMatch(name -> name.toLowerCase().startsWith("x-amz-"));

        HttpResponse<byte[]> range = swift.get("AUTH_test/objects/dir/obj%20%C3%BC", "Range", "bytes=10-19");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(body, 10, 20));
        assertThat(swift.get("AUTH_test/objects/dir/obj%20%C3%BC", "If-None-Match", md5).statusCode()).isEqualTo(304);
        assertThat(swift.get("AUTH_test/objects/dir/obj%20%C3%BC", "If-Match", "nope").statusCode()).isEqualTo(412);
        HttpResponse<byte[]> unsatisfiable = swift.get("AUTH_test/objects/dir/obj%20%C3%BC", "Range",
                "bytes=" + body.length + "-");
        assertThat(unsatisfiable.statusCode()).isEqualTo(416);
        assertThat(new String(unsatisfiable.body(), StandardCharsets.UTF_8))
                .isEqualTo("<html><h1>Requested Range Not Satisfiable</h1><p>The Range requested is not available.</p></html>");

        HttpResponse<String> posted = swift.send("POST", "AUTH_test/objects/dir/obj%20%C3%BC", "X-Object-Meta-Fruit",
                "pear", "X-Object-Meta-Ripe", "yes");
        assertThat(posted.statusCode()).isEqualTo(202);
        JsonNode after = aws.run("s3api", "head-object", "--bucket", "ringway-auth-test-objects", "--key",
                "dir/obj ü").json();
        assertThat(after.get("Metadata").get("fruit").asString()).isEqualTo("pear");
        assertThat(after.get("Metadata").get("ripe").asString()).isEqualTo("yes");
        assertThat(after.get("ContentType").asString()).isEqualTo("application/x-test");
        assertThat(swift.send("HEAD", "AUTH_test/objects/dir/obj%20%C3%BC").headers().firstValue("X-Object-Meta-Ripe"))
                .hasValue("yes");

        assertThat(swift.send("DELETE", "AUTH_test/objects/dir/obj%20%C3%BC").statusCode()).isEqualTo(204);
        assertThat(aws.run("s3api", "head-object", "--bucket", "ringway-auth-test-objects", "--key", "dir/obj ü")
                .exitCode()).isNotZero();
        HttpResponse<String> gone = swift.send("GET", "AUTH_test/objects/dir/obj%20%C3%BC");
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.body()).isEqualTo("<html><h1>Not Found</h1><p>The resource could not be found.</p></html>");
        assertThat(swift.send("DELETE", "AUTH_test/objects/dir/obj%20%C3%BC").statusCode()).isEqualTo(404);
    }

    @Test
    void badWritesAreRefusedAsSwiftRefusesThemAndLeaveNothing() throws Exception {
        assertThat(swift.send("PUT", "AUTH_test/strict", "X-Storage-Policy", "s3").statusCode()).isEqualTo(201);
        byte[] body = "twelve bytes".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> wrongMd5 = swift.put("AUTH_test/strict/o", body, "ETag", "0123456789abcdef0123456789abcdef");
        assertThat(wrongMd5.statusCode()).isEqualTo(422);
        assertThat(wrongMd5.body()).contains("<h1>Unprocessable Entity</h1>");
        HttpResponse<String> chunked = swift.putChunked("AUTH_test/strict/o", body);
        assertThat(chunked.statusCode()).isEqualTo(411);
        HttpResponse<String> past = swift.put("AUTH_test/strict/o", body, "X-Delete-At", "1000");
        assertThat(past.statusCode()).isEqualTo(400);
        assertThat(past.body()).isEqualTo("X-Delete-At in past");
        assertThat(aws.run("s3api", "head-object", "--bucket", "ringway-auth-test-strict", "--key", "o").exitCode())
                .isNotZero();
        assertThat(swift.send("HEAD", "AUTH_test/strict/o").statusCode()).isEqualTo(404);

        // A missing Content-Type is guessed from the name, as Swift does.
        assertThat(swift.put("AUTH_test/strict/page.html", body).statusCode()).isEqualTo(201);
        assertThat(aws.run("s3api", "head-object", "--bucket", "ringway-auth-test-strict", "--key", "page.html")
                .json().get("ContentType").asString()).isEqualTo("text/html");
    }

    @Test
    void anObjectPastItsDeleteAtIsGone() throws Exception {
        assertThat(swift.send("PUT", "AUTH_test/expiring", "X-Storage-Policy", "s3").statusCode()).isEqualTo(201);
        assertThat(swift.put("AUTH_test/expiring/o", new byte[] {1, 2}, "X-Delete-After", "2").statusCode())
                .isEqualTo(201);
        HttpResponse<String> head = swift.send("HEAD", "AUTH_test/expiring/o");
        assertThat(head.statusCode()).isEqualTo(200);
        long deleteAt = Long.parseLong(head.headers().firstValue("X-Delete-At").orElseThrow());
        assertThat(deleteAt).isBetween(System.currentTimeMillis() / 1000, System.currentTimeMillis() / 1000 + 3);

        Thread.sleep(Math.max(0, (deleteAt + 1) * 1000 - System.currentTimeMillis()));
        assertThat(swift.send("HEAD", "AUTH_test/expiring/o").statusCode()).isEqualTo(404);
        assertThat(swift.send("GET", "AUTH_test/expiring/o").statusCode()).isEqualTo(404);
    }

    @Test
    void objectsWrittenToTheBucketDirectlyAreReadThroughTheGateway() throws Exception {
        assertThat(swift.send("PUT", "AUTH_test/shared", "X-Storage-Policy", "s3").statusCode()).isEqualTo(201);
        Path file = data.resolve("direct");
        Files.writeString(file, "written by awscli");
        aws.run("s3api", "put-object", "--bucket", "ringway-auth-test-shared", "--key", "from-aws", "--body",
                file.toString(), "--content-type", "text/x-aws", "--metadata", "origin=aws,Mixed-Case=yes").json();

        HttpResponse<String> got = swift.send("GET", "AUTH_test/shared/from-aws");
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).isEqualTo("written by awscli");
        assertThat(got.headers().firstValue("Content-Type")).hasValue("text/x-aws");
        assertThat(got.headers().firstValue("X-Object-Meta-Origin")).hasValue("aws");
        assertThat(got.headers().firstValue("X-Object-Meta-Mixed-Case")).hasValue("yes");
    }

    @Test
    void listingsAreSwiftsInEveryFormatWithCounts() throws Exception {
        assertThat(swift.send("PUT", "AUTH_test/listed", "X-Storage-Policy", "s3").statusCode()).isEqualTo(201);
        for (String name : List.of("a/1", "a/2", "b/1", "c", "d ü")) {
            assertThat(swift.put("AUTH_test/listed/" + name, name.getBytes(StandardCharsets.UTF_8)).statusCode())
                    .isEqualTo(201);
        }
        assertThat(swift.send("GET", "AUTH_test/listed").body()).isEqualTo("a/1\na/2\nb/1\nc\nd ü\n");
        assertThat(swift.send("GET", "AUTH_test/listed?delimiter=/").body()).isEqualTo("a/\nb/\nc\nd ü\n");
        assertThat(swift.send("GET", "AUTH_test/listed?delimiter=/&marker=a/").body()).isEqualTo("b/\nc\nd ü\n");
        assertThat(swift.send("GET", "AUTH_test/listed?prefix=a/&reverse=true").body()).isEqualTo("a/2\na/1\n");
        assertThat(swift.send("GET", "AUTH_test/listed?reverse=on&marker=c&limit=2").body()).isEqualTo("b/1\na/2\n");
        assertThat(swift.send("GET", "AUTH_test/listed?marker=a/2&end_marker=c").body()).isEqualTo("b/1\n");
        assertThat(swift.send("GET", "AUTH_test/listed?limit=1").body()).isEqualTo("a/1\n");
        assertThat(swift.send("GET", "AUTH_test/listed?path=a").body()).isEqualTo("a/1\na/2\n");
        assertThat(swift.send("GET", "AUTH_test/listed?limit=10001").statusCode()).isEqualTo(412);
        assertThat(swift.send("GET", "AUTH_test/listed?delimiter=ab").statusCode()).isEqualTo(412);

        HttpResponse<String> json = swift.send("GET", "AUTH_test/listed?format=json&prefix=b/");
        assertThat(json.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        JsonNode entry = JsonMapper.builder().build().readTree(json.body()).get(0);
        assertThat(entry.get("name").asString()).isEqualTo("b/1");
        assertThat(entry.get("bytes").asLong()).isEqualTo(3);
        assertThat(entry.get("hash").asString()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("MD5").digest("b/1".getBytes(StandardCharsets.UTF_8))));
        assertThat(entry.get("last_modified").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
        HttpResponse<String> xml = swift.send("GET", "AUTH_test/listed?format=xml&prefix=c");
        assertThat(xml.body()).contains("<container name=\"listed\">", "<name>c</name>");

        for (String path : List.of("AUTH_test/listed", "AUTH_test/listed?prefix=a/")) {
            HttpResponse<String> counted = swift.send(path.contains("?") ? "GET" : "HEAD", path);
            assertThat(counted.headers().firstValue("X-Container-Object-Count")).hasValue("5");
            assertThat(counted.headers().firstValue("X-Container-Bytes-Used")).hasValue("14");
            assertThat(counted.headers().firstValue("X-Storage-Policy")).hasValue("s3");
        }
    }

    @Test
    void deleteNeedsAnEmptyContainerAndRemovesTheBucket() throws Exception {
        assertThat(swift.send("PUT", "AUTH_test/doomed", "X-Storage-Policy", "s3").statusCode()).isEqualTo(201);
        assertThat(swift.put("AUTH_test/doomed/o", new byte[] {1}).statusCode()).isEqualTo(201);

        HttpResponse<String> notEmpty = swift.send("DELETE", "AUTH_test/doomed");
        assertThat(notEmpty.statusCode()).isEqualTo(409);
        assertThat(notEmpty.body()).contains("<h1>Conflict</h1>");

        assertThat(swift.send("DELETE", "AUTH_test/doomed/o").statusCode()).isEqualTo(204);
        assertThat(swift.send("DELETE", "AUTH_test/doomed").statusCode()).isEqualTo(204);
        assertThat(aws.run("s3api", "head-bucket", "--bucket", "ringway-auth-test-doomed").exitCode()).isNotZero();
        assertThat(swift.send("HEAD", "AUTH_test/doomed").statusCode()).isEqualTo(404);
        assertThat(swift.send("GET", "AUTH_test?format=json").body()).doesNotContain("\"doomed\"");
    }

    @Test
    void copiesBetweenTheLocalClusterAndTheBucketAndAnotherTarget() throws Exception {
        assertThat(swift.send("PUT", "AUTH_test/near").statusCode()).isEqualTo(201);
        assertThat(swift.send("PUT", "AUTH_test/far", "X-Storage-Policy", "s3").statusCode()).isEqualTo(201);
        byte[] body = new byte[256 * 1024];
        new Random(3).nextBytes(body);
        assertThat(swift.put("AUTH_test/near/source", body, "X-Object-Meta-Kind", "copied").statusCode())
                .isEqualTo(201);

        assertThat(swift.send("COPY", "AUTH_test/near/source", "Destination", "far/there").statusCode()).isEqualTo(201);
        Path there = data.resolve("copied-there");
        JsonNode head = aws.run("s3api", "get-object", "--bucket", "ringway-auth-test-far", "--key", "there",
                there.toString()).json();
        assertThat(Files.readAllBytes(there)).isEqualTo(body);
        assertThat(head.get("Metadata").get("kind").asString()).isEqualTo("copied");

        assertThat(swift.put("AUTH_test/near/back", new byte[0], "X-Copy-From", "far/there").statusCode())
                .isEqualTo(201);
        assertThat(swift.get("AUTH_test/near/back").body()).isEqualTo(body);
        assertThat(swift.send("COPY", "AUTH_test/far/there", "Destination", "far/again").statusCode()).isEqualTo(201);
        assertThat(swift.get("AUTH_test/far/again").body()).isEqualTo(body);

        // From one target to another.
        assertThat(swift.send("PUT", "AUTH_test/elsewhere", "X-Storage-Policy", "s3-other").statusCode())
                .isEqualTo(201);
        assertThat(swift.send("COPY", "AUTH_test/far/there", "Destination", "elsewhere/moved").statusCode())
                .isEqualTo(201);
        Path moved = data.resolve("copied-elsewhere");
        JsonNode other = aws.run("s3api", "get-object", "--bucket", "other-auth-test-elsewhere", "--key", "moved",
                moved.toString()).json();
        assertThat(Files.readAllBytes(moved)).isEqualTo(body);
        assertThat(other.get("Metadata").get("kind").asString()).isEqualTo("copied");
    }

    @Test
    void aServerThatIsDownOrRefusesTheKeyGives503AndSpoilsNothingElse() throws Exception {
        HttpResponse<String> down = swift.send("PUT", "AUTH_test/unreachable", "X-Storage-Policy", "s3-nowhere");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).contains("<h1>Service Unavailable</h1>");
        HttpResponse<String> refused = swift.send("PUT", "AUTH_test/denied", "X-Storage-Policy", "s3-refused");
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(aws.run("s3api", "head-bucket", "--bucket", "refused-auth-test-denied").exitCode()).isNotZero();
        assertThat(swift.send("HEAD", "AUTH_test/denied").statusCode()).isEqualTo(404);
        assertThat(swift.send("PUT", "AUTH_test/still-fine").statusCode()).isEqualTo(201);

        JsonNode recon = JsonMapper.builder().build().readTree(swift.raw("GET", "/recon/federation").body());
        assertThat(recon.get("s3-b").get("type").asString()).isEqualTo("s3");
        assertThat(recon.get("s3-b").get("reachable").asBoolean()).isTrue();
        assertThat(recon.get("s3-down").get("reachable").asBoolean()).isFalse();
        assertThat(recon.get("s3-wrong-key").get("reachable").asBoolean()).isFalse();
        assertThat(recon.get("s3-wrong-key").get("probe").asString()).isEqualTo("GET service: 403");
    }
}
