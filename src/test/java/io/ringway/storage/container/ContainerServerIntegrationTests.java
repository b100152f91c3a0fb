package io.ringway.storage.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.testing.http.RawResponse;
import io.ringway.testing.storage.TestNode;
import io.ringway.testing.storage.TestServers;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.netty.http.client.HttpClient;

/**
 * The container server on a real port, driven with raw HTTP. Expected bodies and headers were
 * taken from Debian's swift-container-server 2.30.1 given the same requests.
 */
final class ContainerServerIntegrationTests {

    private static final String C = "/sda1/1/a/c";
    private static final String ETAG = "d41d8cd98f00b204e9800998ecf8427e";

    @RegisterExtension
    final TestServers node = TestServers.serving(devices -> new ContainerServer(devices,
            TestNode.HASH_PATH, ContainerSettings.defaults(), TestNode.CLOCK, HttpClient.create(), Set.of(0, 1)));

    @Test
    void createsThenAcceptsAContainerAndShowsItsHeaders() {
        RawResponse created = node.client().send("PUT", C, "X-Timestamp", "1700000000.00000",
                "X-Backend-Storage-Policy-Index", "0", "X-Container-Meta-Color", "red", "X-Container-Read", ".r:*");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("X-Backend-Storage-Policy-Index")).isEqualTo("0");
        RawResponse accepted = node.client().send("PUT", C, "X-Timestamp", "1700000001.00000");
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.text()).isEqualTo("<html><h1>Accepted</h1><p>The request is accepted for processing.</p></html>");

        RawResponse head = node.client().send("HEAD", C);
        assertThat(head.status()).isEqualTo(204);
        assertThat(head.headerMap()).containsEntry("x-backend-timestamp", "1795322275.64300")
                .containsEntry("x-backend-put-timestamp", "1700000001.00000")
                .containsEntry("x-backend-delete-timestamp", "0000000000.00000")
                .containsEntry("x-backend-status-changed-at", "1700000000.00000")
                .containsEntry("x-backend-storage-policy-index", "0")
                .containsEntry("x-container-object-count", "0")
                .containsEntry("x-container-bytes-used", "0")
                .containsEntry("x-timestamp", "1795322275.64300")
                .containsEntry("x-put-timestamp", "1700000001.00000")
                .containsEntry("x-backend-sharding-state", "unsharded")
                .containsEntry("x-container-meta-color", "red")
                .containsEntry("x-container-read", ".r:*")
                .containsEntry("content-type", "text/plain; charset=utf-8")
                .containsEntry("last-modified", "Tue, 14 Nov 2023 22:13:21 GMT");
    }

    @Test
    void listsObjectRowsInAllThreeFormatsAsSwiftDoes() {
        node.client().send("PUT", C, "X-Timestamp", "1700000000.00000", "X-Container-Meta-Color", "red");
        for (String name : new String[] {"a", "b/c", "b/d", "c"}) {
            assertThat(putObject(name, "1700000002.12345", "5").status()).isEqualTo(201);
        }

        RawResponse json = node.client().send("GET", C + "?format=json&delimiter=/");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(json.headerMap()).containsEntry("x-container-object-count", "4")
                .containsEntry("x-container-bytes-used", "20")
                .containsEntry("x-backend-record-type", "object")
                .containsEntry("x-backend-record-storage-policy-index", "0")
                .containsEntry("x-container-meta-color", "red");
        assertThat(json.text()).isEqualTo("[{\"bytes\": 5, \"hash\": \"" + ETAG + "\", \"name\": \"a\", "
                + "\"content_type\": \"text/plain\", \"last_modified\": \"2023-11-14T22:13:22.123450\"}, "
                + "{\"subdir\": \"b/\"}, {\"bytes\": 5, \"hash\": \"" + ETAG + "\", \"name\": \"c\", "
                + "\"content_type\": \"text/plain\", \"last_modified\": \"2023-11-14T22:13:22.123450\"}]");

        RawResponse xml = node.client().send("GET", C + "?format=xml&delimiter=/");
        assertThat(xml.header("Content-Type")).isEqualTo("application/xml; charset=utf-8");
        assertThat(xml.text()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<container name=\"c\">"
                + "<object><name>a</name><hash>" + ETAG + "</hash><bytes>5</bytes><content_type>text/plain"
                + "</content_type><last_modified>2023-11-14T22:13:22.123450</last_modified></object>"
                + "<subdir name=\"b/\"><name>b/</name></subdir><object><name>c</name><hash>" + ETAG
                + "</hash><bytes>5</bytes><content_type>text/plain</content_type><last_modified>"
                + "2023-11-14T22:13:22.123450</last_modified></object></container>");

        RawResponse plain = node.client().send("GET", C);
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(plain.text()).isEqualTo("a\nb/c\nb/d\nc\n");

        RawResponse accepted = node.client().send("GET", C + "?prefix=b/&limit=1", "Accept", "application/json");
        assertThat(accepted.text()).startsWith("[{\"bytes\": 5").contains("\"name\": \"b/c\"").doesNotContain("b/d");
        RawResponse reversed = node.client().send("GET", C + "?reverse=on&end_marker=a");
        assertThat(reversed.text()).isEqualTo("c\nb/d\nb/c\n");
    }

    @Test
    void keepsAUtf8ContentTypeAsTextAsSwiftsWsgiToStr() {
        node.client().send("PUT", C, "X-Timestamp", "1700000000.00000");
        // The raw client writes header values as UTF-8, as Swift's functional tests do.
        RawResponse put = node.client().send("PUT", C + "/o", "X-Timestamp", "1700000001.00000", "X-Size", "1",
                "X-Content-Type", "text/\u00e4\u2603", "X-Etag", ETAG, "X-Backend-Storage-Policy-Index", "0");
        assertThat(put.status()).isEqualTo(201);

        assertThat(node.client().send("GET", C + "?format=json").text())
                .contains("\"content_type\": \"text/\\u00e4\\u2603\"");
        assertThat(node.client().send("GET", C + "?format=xml").body())
                .containsSequence("<content_type>text/\u00e4\u2603</content_type>".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void answersEmptyListingsAsSwiftDoes() {
        node.client().send("PUT", C, "X-Timestamp", "1700000000.00000");
        RawResponse plain = node.client().send("GET", C);
        assertThat(plain.status()).isEqualTo(204);
        assertThat(plain.body()).isEmpty();
        assertThat(node.client().send("GET", C + "?format=json").text()).isEqualTo("[]");
        assertThat(node.client().send("GET", C + "?format=xml").text())
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<container name=\"c\" />");
    }

    @Test
    void keepsTheNewestRowOfEachObject() {
        node.client().send("PUT", C, "X-Timestamp", "1700000000.00000");
        putObject("o", "1700000002.00000", "5");
        putObject("o", "1700000001.00000", "7");
        assertThat(node.client().send("HEAD", C).header("X-Container-Bytes-Used")).isEqualTo("5");
        putObject("o", "1700000003.00000", "9");
        assertThat(node.client().send("HEAD", C).header("X-Container-Bytes-Used")).isEqualTo("9");

        assertThat(deleteObject("o", "1700000004.00000").status()).isEqualTo(204);
        putObject("o", "1700000003.50000", "11");
        RawResponse head = node.client().send("HEAD", C);
        assertThat(head.header("X-Container-Object-Count")).isEqualTo("0");
        assertThat(head.header("X-Container-Bytes-Used")).isEqualTo("0");
    }

    @Test
    void refusesToDeleteANonEmptyContainerAndKeepsTheDeletedRow() {
        node.client().send("PUT", C, "X-Timestamp", "1700000000.00000");
        putObject("o", "1700000001.00000", "3");
        RawResponse conflict = node.client().send("DELETE", C, "X-Timestamp", "1700000002.00000");
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.text()).isEqualTo(
                "<html><h1>Conflict</h1><p>There was a conflict when trying to complete your request.</p></html>");

        deleteObject("o", "1700000003.00000");
        assertThat(node.client().send("DELETE", C, "X-Timestamp", "1700000004.00000").status()).isEqualTo(204);

        RawResponse head = node.client().send("HEAD", C);
        assertThat(head.status()).isEqualTo(404);
        assertThat(head.headerMap()).containsEntry("x-backend-put-timestamp", "1700000000.00000")
                .containsEntry("x-backend-delete-timestamp", "1700000004.00000")
                .containsEntry("x-backend-status-changed-at", "1700000004.00000")
                .doesNotContainKey("x-container-object-count")
                .doesNotContainKey("x-put-timestamp");
        RawResponse get = node.client().send("GET", C + "?format=json");
        assertThat(get.status()).isEqualTo(404);
        assertThat(get.text()).isEqualTo("<html><h1>Not Found</h1><p>The resource could not be found.</p></html>");
        assertThat(node.client().send("DELETE", C, "X-Timestamp", "1700000005.00000").status()).isEqualTo(404);
        assertThat(node.client().send("POST", C, "X-Timestamp", "1700000005.00000").status()).isEqualTo(404);
    }

    @Test
    void answersAMissingContainerWithZeroBackendTimestampsUnlessAutoCreated() {
        RawResponse get = node.client().send("GET", "/sda1/1/a/nope");
        assertThat(get.status()).isEqualTo(404);
        assertThat(get.headerMap()).containsEntry("x-backend-timestamp", "0000000000.00000")
                .containsEntry("x-backend-put-timestamp", "0000000000.00000")
                .containsEntry("x-backend-storage-policy-index", "0");
        assertThat(node.client().send("DELETE", "/sda1/1/a/nope", "X-Timestamp", "1").status()).isEqualTo(404);
        assertThat(putObject("o", "1700000000.00000", "1").status()).isEqualTo(404);
        RawResponse autocreated = node.client().send("PUT", "/sda1/1/.expiring/c/o", "X-Timestamp", "1700000000.00000",
                "X-Size", "0", "X-Content-Type", "text/plain", "X-Etag", ETAG);
        assertThat(autocreated.status()).isEqualTo(201);
        assertThat(node.client().send("HEAD", "/sda1/1/.expiring/c").header("X-Container-Object-Count")).isEqualTo("1");
    }

    @Test
    void refusesAnotherPolicyForALiveContainerButNotForADeletedOne() {
        node.client().send("PUT", C, "X-Timestamp", "1700000000.00000", "X-Backend-Storage-Policy-Index", "0");
        RawResponse conflict = node.client().send("PUT", C, "X-Timestamp", "1700000001.00000",
                "X-Backend-Storage-Policy-Index", "1");
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.header("X-Backend-Storage-Policy-Index")).isEqualTo("0");
        RawResponse unknown = node.client().send("PUT", C, "X-Timestamp", "1700000001.00000",
                "X-Backend-Storage-Policy-Index", "2");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text()).isEqualTo("Invalid X-Backend-Storage-Policy-Index 2");

        node.client().send("DELETE", C, "X-Timestamp", "1700000002.00000");
        RawResponse recreated = node.client().send("PUT", C, "X-Timestamp", "1700000003.00000",
                "X-Backend-Storage-Policy-Index", "1");
        assertThat(recreated.status()).isEqualTo(201);
        assertThat(recreated.header("X-Backend-Storage-Policy-Index")).isEqualTo("1");
        assertThat(node.client().send("HEAD", C).header("X-Backend-Status-Changed-At")).isEqualTo("1700000003.00000");
    }

    @Test
    void updatesMetadataOnlyWithNewerTimestamps() {
        node.client().send("PUT", C, "X-Timestamp", "1700000000.00000", "X-Container-Meta-Color", "red");
        assertThat(node.client().send("POST", C, "X-Timestamp", "1699999999.00000", "X-Container-Meta-Color", "blue")
                .status()).isEqualTo(204);
        assertThat(node.client().send("HEAD", C).header("X-Container-Meta-Color")).isEqualTo("red");
        node.client().send("POST", C, "X-Timestamp", "1700000001.00000", "x-container-meta-color", "green",
                "X-Container-Sysmeta-Thing", "s");
        RawResponse head = node.client().send("HEAD", C);
        assertThat(head.header("X-Container-Meta-Color")).isEqualTo("green");
        assertThat(head.header("X-Container-Sysmeta-Thing")).isEqualTo("s");
        assertThat(head.header("X-Put-Timestamp")).isEqualTo("1700000001.00000");
        node.client().send("POST", C, "X-Timestamp", "1700000002.00000", "X-Container-Meta-Color", "");
        assertThat(node.client().send("HEAD", C).header("X-Container-Meta-Color")).isNull();
    }

    @Test
    void answersBadRequestsAsSwiftDoes() {
        node.client().send("PUT", C, "X-Timestamp", "1700000000.00000");
        assertPlain(node.client().send("GET", "/sda1/1/a"), 400, "Invalid path: /sda1/1/a");
        assertPlain(node.client().send("POST", C + "/o", "X-Timestamp", "1"), 400, "Invalid path: /sda1/1/a/c/o");
        assertPlain(node.client().send("PUT", C), 400, "Missing X-Timestamp header");
        assertPlain(node.client().send("PUT", C, "X-Timestamp", "abc"), 400, "Invalid X-Timestamp header");
        assertPlain(node.client().send("GET", C + "?marker=%FF"), 400, "\"marker\" parameter not valid UTF-8");
        RawResponse limit = node.client().send("GET", C + "?limit=10001");
        assertThat(limit.status()).isEqualTo(412);
        assertThat(limit.text()).isEqualTo("Maximum limit is 10000");
        assertThat(node.client().send("GET", C + "?limit=abc").status()).isEqualTo(204);
        RawResponse utf8 = node.client().send("GET", "/sda1/1/a/c%FF");
        assertThat(utf8.status()).isEqualTo(412);
        assertThat(utf8.text()).isEqualTo("Invalid UTF8 or contains NULL");
        assertThat(node.client().send("GET", C, "Accept", "image/png").status()).isEqualTo(406);
        RawResponse accept = node.client().send("GET", C, "Accept", "bogus");
        assertThat(accept.status()).isEqualTo(400);
        assertThat(accept.text()).isEqualTo("Invalid Accept header");
        RawResponse device = node.client().send("GET", "/sdz/1/a/c");
        assertThat(device.status()).isEqualTo(507);
        assertThat(device.text()).endsWith("Drive: sdz</p></html>");
        assertThat(node.client().send("PATCH", C).status()).isEqualTo(405);
        // Swift 2.30.1 answers 500 (a KeyError); the node answers input errors with a 400
        assertThat(node.client().send("PUT", C + "/o", "X-Timestamp", "1").status()).isEqualTo(400);
    }

    @Test
    void refusesOversizedMetadataWithSwiftsMessages() {
        node.client().send("PUT", C, "X-Timestamp", "1700000000.00000");
        RawResponse large = node.client().send("POST", C, "X-Timestamp", "1700000001.00000", "X-Container-Meta-Big",
                "v".repeat(4100));
        assertThat(large.status()).isEqualTo(400);
        assertThat(large.text()).isEqualTo("Total metadata too large; max 4096");
        String[] many = new String[2 * 91 + 2];
        many[0] = "X-Timestamp";
        many[1] = "1700000002.00000";
        for (int i = 0; i < 91; i++) {
            many[2 + 2 * i] = "X-Container-Meta-K" + i;
            many[3 + 2 * i] = "v";
        }
        RawResponse count = node.client().send("POST", C, many);
        assertThat(count.status()).isEqualTo(400);
        assertThat(count.text()).isEqualTo("Too many metadata items; max 90");
        assertThat(node.client().send("HEAD", C).header("X-Container-Meta-K0")).isNull();
    }

    @Test
    void mergesTheObjectRowsOfAnUpdateRequest() {
        String rows = "[{\"name\": \"seg/1\", \"created_at\": \"1700000001.00000\", \"size\": 0,"
                + " \"content_type\": \"application/async-deleted\", \"etag\": \"" + ETAG + "\", \"deleted\": 0,"
                + " \"storage_policy_index\": 0}, {\"name\": \"seg/2\", \"created_at\": \"1700000001.00000\","
                + " \"size\": 0, \"content_type\": \"application/async-deleted\", \"etag\": \"" + ETAG + "\","
                + " \"deleted\": 0}]";
        String expirer = "/sda1/1/.expiring_objects/1700000000";
        RawResponse update = node.client().sendWithBody("UPDATE", expirer, rows, "X-Timestamp", "1700000001.00000",
                "X-Backend-Storage-Policy-Index", "0", "Content-Type", "application/json");
        assertThat(update.status()).isEqualTo(202);
        assertThat(node.client().send("GET", expirer).text()).isEqualTo("seg/1\nseg/2\n");
        assertThat(node.client().sendWithBody("UPDATE", C, rows, "X-Timestamp", "1700000001.00000").status()).isEqualTo(404);
        RawResponse bad = node.client().sendWithBody("UPDATE", expirer, "[{", "X-Timestamp", "1700000001.00000");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).isEqualTo("text/plain");
    }

    private RawResponse putObject(String name, String timestamp, String size) {
        return node.client().send("PUT", C + "/" + name, "X-Timestamp", timestamp, "X-Size", size,
                "X-Content-Type", "text/plain", "X-Etag", ETAG, "X-Backend-Storage-Policy-Index", "0");
    }

    private RawResponse deleteObject(String name, String timestamp) {
        return node.client().send("DELETE", C + "/" + name, "X-Timestamp", timestamp, "X-Backend-Storage-Policy-Index", "0");
    }

    private static void assertPlain(RawResponse response, int status, String body) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.header("Content-Type")).isEqualTo("text/plain");
        assertThat(response.text()).isEqualTo(body);
    }
}
