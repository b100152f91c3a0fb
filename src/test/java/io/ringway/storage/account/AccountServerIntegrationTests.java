package io.ringway.storage.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.testing.http.RawResponse;
import io.ringway.testing.storage.TestNode;
import io.ringway.testing.storage.TestServers;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The account server on a real port, driven with raw HTTP. Expected bodies and headers were
 * taken from Debian's swift-account-server 2.30.1 given the same requests.
 */
final class AccountServerIntegrationTests {

    private static final String A = "/sda1/1/b";

    @RegisterExtension
    final TestServers node = TestServers.serving(devices -> new AccountServer(devices,
            TestNode.HASH_PATH, AccountSettings.defaults(), TestNode.CLOCK, Map.of(0, "Policy-0", 1, "gold")));

    @Test
    void createsAnAccountAndCountsItsContainerRows() {
        assertThat(node.client().send("PUT", A, "X-Timestamp", "1700000000.00000", "X-Account-Meta-Color", "red").status())
                .isEqualTo(201);
        assertThat(node.client().send("PUT", A, "X-Timestamp", "1700000000.50000").status()).isEqualTo(202);
        assertThat(putContainer("c1", "1700000001.00000", "0", "3", "30", "0").status()).isEqualTo(201);
        assertThat(putContainer("c2", "1700000001.00000", "0000000000.00000", "1", "5", "1").status())
                .isEqualTo(201);
        assertThat(putContainer("c3", "1700000001.00000", "0", "0", "0", "0").status()).isEqualTo(201);
        RawResponse deleted = putContainer("c3", "1700000001.00000", "1700000002.00000", "0", "0", "0");
        assertThat(deleted.status()).isEqualTo(204);

        RawResponse head = node.client().send("HEAD", A);
        assertThat(head.status()).isEqualTo(204);
        assertThat(head.headerMap()).containsEntry("x-account-container-count", "2")
                .containsEntry("x-account-object-count", "4")
                .containsEntry("x-account-bytes-used", "35")
                .containsEntry("x-timestamp", "1795322275.64300")
                .containsEntry("x-put-timestamp", "1700000000.50000")
                .containsEntry("x-account-storage-policy-policy-0-container-count", "1")
                .containsEntry("x-account-storage-policy-policy-0-object-count", "3")
                .containsEntry("x-account-storage-policy-policy-0-bytes-used", "30")
                .containsEntry("x-account-storage-policy-gold-container-count", "1")
                .containsEntry("x-account-storage-policy-gold-bytes-used", "5")
                .containsEntry("x-account-meta-color", "red")
                .containsEntry("content-type", "text/plain; charset=utf-8");
    }

    @Test
    void keepsTheNewestTimestampsOfAContainerRow() {
        node.client().send("PUT", A, "X-Timestamp", "1700000000.00000");
        putContainer("c", "1700000005.00000", "0", "2", "20", "0");
        putContainer("c", "1700000001.00000", "1700000002.00000", "0", "0", "0");
        RawResponse json = node.client().send("GET", A + "?format=json");
        assertThat(json.text()).isEqualTo("[{\"name\": \"c\", \"count\": 0, \"bytes\": 0, "
                + "\"last_modified\": \"2023-11-14T22:13:25.000000\"}]");
    }

    @Test
    void listsContainersInAllThreeFormatsAsSwiftDoes() {
        node.client().send("PUT", A, "X-Timestamp", "1700000000.00000", "X-Account-Meta-Color", "red");
        putContainer("c1", "1700000001.00000", "0", "3", "30", "0");
        putContainer("c2", "1700000001.00000", "0", "1", "5", "0");
        putContainer("c2", "1700000001.00000", "1700000002.00000", "0", "0", "0");

        RawResponse json = node.client().send("GET", A + "?format=json&delimiter=c");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(json.headerMap()).containsEntry("x-account-container-count", "1")
                .containsEntry("x-account-meta-color", "red");
        assertThat(json.text()).isEqualTo("[{\"subdir\": \"c\"}]");
        RawResponse xml = node.client().send("GET", A + "?format=xml&delimiter=1");
        assertThat(xml.text()).isEqualTo(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<account name=\"b\">\n<subdir name=\"c1\" />\n</account>");

        putContainer("d", "1700000003.00000", "0", "0", "0", "0");
        RawResponse full = node.client().send("GET", A + "?format=xml");
        assertThat(full.text()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<account name=\"b\">\n"
                + "<container><name>c1</name><count>3</count><bytes>30</bytes>"
                + "<last_modified>2023-11-14T22:13:21.000000</last_modified></container>\n"
                + "<container><name>d</name><count>0</count><bytes>0</bytes>"
                + "<last_modified>2023-11-14T22:13:23.000000</last_modified></container>\n</account>");
        assertThat(node.client().send("GET", A).text()).isEqualTo("c1\nd\n");
        assertThat(node.client().send("GET", A + "?reverse=yes&limit=1").text()).isEqualTo("d\n");
        assertThat(node.client().send("GET", A + "?marker=c1").text()).isEqualTo("d\n");
        assertThat(node.client().send("GET", A + "?end_marker=d&prefix=c").text()).isEqualTo("c1\n");
        RawResponse empty = node.client().send("GET", A + "?prefix=x");
        assertThat(empty.status()).isEqualTo(204);
        assertThat(empty.headerMap()).containsEntry("x-account-container-count", "2");
        assertThat(node.client().send("GET", A + "?prefix=x&format=json").text()).isEqualTo("[]");
    }

    @Test
    void answersADeletedAccountAsSwiftDoes() {
        node.client().send("PUT", A, "X-Timestamp", "1700000000.00000");
        putContainer("c1", "1700000001.00000", "0", "3", "30", "0");
        RawResponse delete = node.client().send("DELETE", A, "X-Timestamp", "1700000003.00000");
        assertThat(delete.status()).isEqualTo(204);
        assertThat(delete.header("X-Account-Status")).isEqualTo("Deleted");

        RawResponse get = node.client().send("GET", A);
        assertThat(get.status()).isEqualTo(404);
        assertThat(get.header("X-Account-Status")).isEqualTo("Deleted");
        assertThat(get.body()).isEmpty();
        RawResponse put = node.client().send("PUT", A, "X-Timestamp", "1700000004.00000");
        assertThat(put.status()).isEqualTo(403);
        assertThat(put.header("X-Account-Status")).isEqualTo("Deleted");
        assertThat(put.text()).isEqualTo("Recently deleted");
        assertThat(node.client().send("POST", A, "X-Timestamp", "1700000004.00000").status()).isEqualTo(404);
        assertThat(node.client().send("DELETE", A).status()).isEqualTo(400);
        assertThat(putContainer("c9", "1700000005.00000", "0", "0", "0", "0").status()).isEqualTo(404);
    }

    @Test
    void answersAMissingAccountWithoutStatusHeader() {
        RawResponse head = node.client().send("HEAD", "/sda1/1/nope");
        assertThat(head.status()).isEqualTo(404);
        assertThat(head.header("X-Account-Status")).isNull();
        RawResponse put = putContainer("c", "1700000001.00000", "0", "3", "30", "0", "/sda1/1/nope/c");
        assertThat(put.status()).isEqualTo(404);
        assertThat(put.text()).isEqualTo("<html><h1>Not Found</h1><p>The resource could not be found.</p></html>");
        assertThat(putContainer("c", "1700000001.00000", "0", "3", "30", "0", "/sda1/1/.shadow/c").status())
                .isEqualTo(201);
    }

    @Test
    void answersBadRequestsAsSwiftDoes() {
        node.client().send("PUT", A, "X-Timestamp", "1700000000.00000");
        RawResponse path = node.client().send("GET", "/sda1/1");
        assertThat(path.status()).isEqualTo(400);
        assertThat(path.text()).isEqualTo("Invalid path: /sda1/1");
        assertThat(node.client().send("GET", A + "/c").status()).isEqualTo(400);
        assertThat(node.client().send("PUT", A, "X-Timestamp", "x").text()).isEqualTo("Invalid X-Timestamp header");
        assertThat(node.client().send("GET", A + "?limit=10001").status()).isEqualTo(412);
        assertThat(node.client().send("GET", A + "?prefix=%C3").text()).isEqualTo("\"prefix\" parameter not valid UTF-8");
        assertThat(node.client().send("GET", "/sdz/1/b").status()).isEqualTo(507);
        RawResponse meta = node.client().send("POST", A, "X-Timestamp", "1700000001.00000", "X-Account-Meta-X",
                "v".repeat(4096));
        assertThat(meta.status()).isEqualTo(400);
        assertThat(meta.text()).isEqualTo("Total metadata too large; max 4096");
    }

    private RawResponse putContainer(String name, String put, String delete, String objects, String bytes,
            String policy) {
        return putContainer(name, put, delete, objects, bytes, policy, A + "/" + name);
    }

    private RawResponse putContainer(String name, String put, String delete, String objects, String bytes,
            String policy, String path) {
        return node.client().send("PUT", path, "X-Put-Timestamp", put, "X-Delete-Timestamp", delete,
                "X-Object-Count", objects, "X-Bytes-Used", bytes, "X-Backend-Storage-Policy-Index", policy,
                "X-Trans-Id", "tx-" + name);
    }
}
