package io.ringway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The account API of the booted gateway with its shipped settings ({@code account_autocreate} on,
 * {@code allow_account_management} off), through Swift's pipeline and tempauth.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountApiIntegrationTests {

    @TempDir
    static Path data;

    private SwiftApi swift;

    @BeforeAll
    void start() throws Exception {
        swift = SwiftApi.start(data);
    }

    @AfterAll
    void stop() {
        swift.close();
    }

    @Test
    void showsAMissingAccountAsEmptyAndCreatesItWithItsFirstContainer() throws Exception {
        String admin = swift.token("test2:tester2", "testing2");

        HttpResponse<String> plain = swift.sendAs(admin, "GET", "AUTH_test2");
        HttpResponse<String> json = swift.sendAs(admin, "GET", "AUTH_test2?format=json");
        HttpResponse<String> head = swift.sendAs(admin, "HEAD", "AUTH_test2");
        HttpResponse<String> container = swift.sendAs(admin, "PUT", "AUTH_test2/first");
        HttpResponse<String> after = swift.sendAs(admin, "GET", "AUTH_test2");

        assertThat(plain.statusCode()).isEqualTo(204);
        assertThat(plain.headers().firstValue("X-Account-Container-Count")).hasValue("0");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).isEqualTo("[]");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("X-Account-Bytes-Used")).hasValue("0");
        assertThat(head.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("x-backend-"));
        assertThat(container.statusCode()).isEqualTo(201);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).isEqualTo("first\n");
    }

    @Test
    void listsContainersWithEveryQueryParameterInEveryFormat() throws Exception {
        String admin = swift.token("admin:admin", "admin");
        for (String name : new String[] {"a-1", "a-2", "b", "c"}) {
            assertThat(swift.sendAs(admin, "PUT", "AUTH_lists/" + name).statusCode()).isEqualTo(201);
        }

        assertThat(swift.sendAs(admin, "GET", "AUTH_lists").body()).isEqualTo("a-1\na-2\nb\nc\n");
        assertThat(swift.sendAs(admin, "GET", "AUTH_lists?limit=2").body()).isEqualTo("a-1\na-2\n");
        assertThat(swift.sendAs(admin, "GET", "AUTH_lists?marker=a-2").body()).isEqualTo("b\nc\n");
        assertThat(swift.sendAs(admin, "GET", "AUTH_lists?end_marker=b").body()).isEqualTo("a-1\na-2\n");
        assertThat(swift.sendAs(admin, "GET", "AUTH_lists?prefix=a").body()).isEqualTo("a-1\na-2\n");
        assertThat(swift.sendAs(admin, "GET", "AUTH_lists?delimiter=-").body()).isEqualTo("a-\nb\nc\n");
        assertThat(swift.sendAs(admin, "GET", "AUTH_lists?reverse=on&limit=1").body()).isEqualTo("c\n");
        assertThat(swift.sendAs(admin, "GET", "AUTH_lists?format=json&prefix=b").body())
                .matches("\\[\\{\"name\": \"b\", \"count\": 0, \"bytes\": 0, \"last_modified\": \"[^\"]+\"}]");
        assertThat(swift.sendAs(admin, "GET", "AUTH_lists?format=xml&prefix=c").body())
                .matches("<\\?xml version=\"1.0\" encoding=\"UTF-8\"\\?>\n<account name=\"AUTH_lists\">\n"
                        + "<container><name>c</name><count>0</count><bytes>0</bytes><last_modified>[^<]+"
                        + "</last_modified></container>\n</account>");
        HttpResponse<String> tooMany = swift.sendAs(admin, "GET", "AUTH_lists?limit=10001");
        assertThat(tooMany.statusCode()).isEqualTo(412);
        assertThat(tooMany.body()).isEqualTo("Maximum limit is 10000");
        HttpResponse<String> head = swift.sendAs(admin, "HEAD", "AUTH_lists");
        assertThat(head.statusCode()).isEqualTo(204);
        assertThat(head.headers().firstValue("X-Account-Container-Count")).hasValue("4");
        assertThat(head.headers().firstValue("X-Account-Object-Count")).hasValue("0");
        assertThat(head.headers().firstValue("X-Account-Storage-Policy-Policy-0-Container-Count")).hasValue("4");
        assertThat(head.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(head.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    }

    @Test
    void keepsMetadataAndShowsTheAccountAclToOwnersOnly() throws Exception {
        swift.send("PUT", "AUTH_test/c");
        HttpResponse<String> posted = swift.send("POST", "AUTH_test", "X-Account-Meta-Color", "blue",
                "X-Account-Access-Control", "{\"read-only\":[\"test:tester3\"]}");
        HttpResponse<String> removed = swift.send("POST", "AUTH_test", "X-Remove-Account-Meta-Color", "x");
        HttpResponse<String> owner = swift.send("HEAD", "AUTH_test");
        HttpResponse<String> reader = swift.sendAs(swift.token("test:tester3", "testing3"), "HEAD", "AUTH_test");

        assertThat(posted.statusCode()).isEqualTo(204);
        assertThat(removed.statusCode()).isEqualTo(204);
        assertThat(owner.headers().firstValue("X-Account-Meta-Color")).isEmpty();
        assertThat(owner.headers().firstValue("X-Account-Access-Control"))
                .hasValue("{\"read-only\":[\"test:tester3\"]}");
        assertThat(reader.statusCode()).isEqualTo(204);
        assertThat(reader.headers().firstValue("X-Account-Access-Control")).isEmpty();
    }

    @Test
    void refusesAccountPutAndDeleteWithoutAccountManagement() throws Exception {
        String reseller = swift.token("admin:admin", "admin");

        HttpResponse<String> put = swift.sendAs(reseller, "PUT", "AUTH_new");
        HttpResponse<String> delete = swift.sendAs(reseller, "DELETE", "AUTH_new");

        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.headers().firstValue("Allow").orElseThrow().split(", "))
                .containsExactlyInAnyOrder("GET", "HEAD", "POST", "OPTIONS");
        assertThat(delete.statusCode()).isEqualTo(405);
    }

    @Test
    void refusesLongAccountNamesAndBadMetadata() throws Exception {
        String reseller = swift.token("admin:admin", "admin");

        HttpResponse<String> longName = swift.sendAs(reseller, "GET", "AUTH_" + "a".repeat(252));
        HttpResponse<String> longValue = swift.send("POST", "AUTH_test", "X-Account-Meta-Big", "v".repeat(257));

        assertThat(longName.statusCode()).isEqualTo(400);
        assertThat(longName.body()).isEqualTo("Account name length of 257 longer than 256");
        assertThat(longValue.statusCode()).isEqualTo(400);
        assertThat(longValue.body()).startsWith("Metadata value longer than 256");
    }
}
