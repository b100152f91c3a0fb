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
 * The container API of the booted gateway over the embedded node, through Swift's pipeline
 * (cache, listing_formats, tempauth); each test has its own containers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContainerApiIntegrationTests {

    private static final String ACCEPTED = "<html><h1>Accepted</h1><p>The request is accepted for processing.</p></html>";

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
    void createsShowsListsAndDeletesAContainer() throws Exception {
        HttpResponse<String> created = swift.send("PUT", "AUTH_test/life");
        HttpResponse<String> again = swift.send("PUT", "AUTH_test/life");
        HttpResponse<String> head = swift.send("HEAD", "AUTH_test/life");
        HttpResponse<String> plain = swift.send("GET", "AUTH_test/life");
        HttpResponse<String> json = swift.send("GET", "AUTH_test/life?format=json");
        HttpResponse<String> deleted = swift.send("DELETE", "AUTH_test/life");
        HttpResponse<String> deletedAgain = swift.send("DELETE", "AUTH_test/life");
        HttpResponse<String> gone = swift.send("HEAD", "AUTH_test/life");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Content-Type")).hasValue("text/html; charset=UTF-8");
        assertThat(created.headers().firstValue("Content-Length")).hasValue("0");
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.body()).isEqualTo(ACCEPTED);
        assertThat(head.statusCode()).isEqualTo(204);
        assertThat(head.headers().firstValue("X-Container-Object-Count")).hasValue("0");
        assertThat(head.headers().firstValue("X-Container-Bytes-Used")).hasValue("0");
        assertThat(head.headers().firstValue("X-Storage-Policy")).hasValue("Policy-0");
        assertThat(head.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(head.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        assertThat(head.headers().firstValue("X-Timestamp")).isPresent();
        assertThat(head.headers().firstValue("Last-Modified")).isPresent();
        assertThat(head.headers().firstValue("X-Put-Timestamp")).isEmpty();
        assertThat(head.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("x-backend-"));
        assertThat(plain.statusCode()).isEqualTo(204);
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).isEqualTo("[]");
        assertThat(json.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deletedAgain.statusCode()).isEqualTo(404);
        assertThat(gone.statusCode()).isEqualTo(404);
    }

    @Test
    void listsObjectsWithEveryQueryParameterInEveryFormat() throws Exception {
        assertThat(swift.send("PUT", "AUTH_test/list").statusCode()).isEqualTo(201);
        for (String name : new String[] {"a/1", "a/2", "b", "c"}) {
            swift.recordObject("AUTH_test", "list", name, 3, 0);
        }

        assertThat(swift.send("GET", "AUTH_test/list").body()).isEqualTo("a/1\na/2\nb\nc\n");
        assertThat(swift.send("GET", "AUTH_test/list?limit=2").body()).isEqualTo("a/1\na/2\n");
        assertThat(swift.send("GET", "AUTH_test/list?marker=a/2").body()).isEqualTo("b\nc\n");
        assertThat(swift.send("GET", "AUTH_test/list?end_marker=b").body()).isEqualTo("a/1\na/2\n");
        assertThat(swift.send("GET", "AUTH_test/list?prefix=a/").body()).isEqualTo("a/1\na/2\n");
        assertThat(swift.send("GET", "AUTH_test/list?delimiter=/").body()).isEqualTo("a/\nb\nc\n");
        assertThat(swift.send("GET", "AUTH_test/list?reverse=true&limit=2").body()).isEqualTo("c\nb\n");
        assertThat(swift.send("GET", "AUTH_test/list?path=a").body()).isEqualTo("a/1\na/2\n");
        assertThat(swift.send("GET", "AUTH_test/list?format=json&prefix=b").body())
                .matches("\\[\\{\"bytes\": 3, \"hash\": \"d41d8cd98f00b204e9800998ecf8427e\", \"name\": \"b\", "
                        + "\"content_type\": \"text/plain\", \"last_modified\": \"[^\"]+\"}]");
        assertThat(swift.send("GET", "AUTH_test/list?format=xml&delimiter=/&prefix=a").body())
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<container name=\"list\">"
                        + "<subdir name=\"a/\"><name>a/</name></subdir></container>");
        HttpResponse<String> accept = swift.send("GET", "AUTH_test/list?limit=1", "Accept", "application/xml");
        assertThat(accept.headers().firstValue("Content-Type")).hasValue("application/xml; charset=utf-8");
        assertThat(accept.headers().firstValue("Vary")).hasValue("Accept");
        HttpResponse<String> head = swift.send("HEAD", "AUTH_test/list");
        assertThat(head.headers().firstValue("X-Container-Object-Count")).hasValue("4");
        assertThat(head.headers().firstValue("X-Container-Bytes-Used")).hasValue("12");
    }

    @Test
    void refusesListingLimitsOverTheMaximumAndParametersThatAreNotUtf8() throws Exception {
        swift.send("PUT", "AUTH_test/limits");

        HttpResponse<String> tooMany = swift.send("GET", "AUTH_test/limits?limit=10001");
        HttpResponse<String> badMarker = swift.send("GET", "AUTH_test/limits?marker=%FF");

        assertThat(tooMany.statusCode()).isEqualTo(412);
        assertThat(tooMany.body()).isEqualTo("Maximum limit is 10000");
        assertThat(badMarker.statusCode()).isEqualTo(400);
        assertThat(badMarker.body()).isEqualTo("\"marker\" parameter not valid UTF-8");
    }

    @Test
    void refusesToDeleteAContainerThatHoldsObjects() throws Exception {
        swift.send("PUT", "AUTH_test/full");
        swift.recordObject("AUTH_test", "full", "o", 1, 0);

        HttpResponse<String> conflict = swift.send("DELETE", "AUTH_test/full");

        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.body()).isEqualTo("<html><h1>Conflict</h1><p>There was a conflict when trying to complete "
                + "your request.</p></html>");
    }

    @Test
    void choosesThePolicyByNameOrAliasAndRefusesAChangeUnknownOrDeprecatedPolicies() throws Exception {
        HttpResponse<String> gold = swift.send("PUT", "AUTH_test/gold", "X-Storage-Policy", "yellow");
        HttpResponse<String> head = swift.send("HEAD", "AUTH_test/gold");
        HttpResponse<String> change = swift.send("PUT", "AUTH_test/gold", "X-Storage-Policy", "Policy-0");
        HttpResponse<String> same = swift.send("PUT", "AUTH_test/gold", "X-Storage-Policy", "GOLD");
        HttpResponse<String> unknown = swift.send("PUT", "AUTH_test/tin", "X-Storage-Policy", "tin");
        HttpResponse<String> deprecated = swift.send("PUT", "AUTH_test/old", "X-Storage-Policy", "old");
        HttpResponse<String> byDefault = swift.send("PUT", "AUTH_test/plain");

        assertThat(gold.statusCode()).isEqualTo(201);
        assertThat(head.headers().firstValue("X-Storage-Policy")).hasValue("gold");
        assertThat(change.statusCode()).isEqualTo(409);
        assertThat(same.statusCode()).isEqualTo(202);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).isEqualTo("Invalid X-Storage-Policy 'tin'");
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(deprecated.statusCode()).isEqualTo(400);
        assertThat(deprecated.body()).isEqualTo("Storage Policy 'old' is deprecated");
        assertThat(byDefault.statusCode()).isEqualTo(201);
        assertThat(swift.send("HEAD", "AUTH_test/plain").headers().firstValue("X-Storage-Policy")).hasValue("Policy-0");
    }

    @Test
    void keepsMetadataAndShowsAclsToOwnersOnly() throws Exception {
        swift.send("PUT", "AUTH_test/meta", "X-Container-Meta-Color", "blue", "X-Container-Read", "test:tester3");
        HttpResponse<String> posted = swift.send("POST", "AUTH_test/meta", "X-Container-Meta-Size", "big",
                "X-Remove-Container-Meta-Color", "x", "X-Container-Write", "test:tester3");
        HttpResponse<String> owner = swift.send("HEAD", "AUTH_test/meta");
        String other = swift.token("test:tester3", "testing3");
        HttpResponse<String> notOwner = swift.sendAs(other, "HEAD", "AUTH_test/meta");
        HttpResponse<String> sneaky = swift.sendAs(other, "POST", "AUTH_test/meta", "X-Container-Read", "nobody");
        HttpResponse<String> after = swift.send("HEAD", "AUTH_test/meta");

        assertThat(posted.statusCode()).isEqualTo(204);
        assertThat(owner.headers().firstValue("X-Container-Meta-Size")).hasValue("big");
        assertThat(owner.headers().firstValue("X-Container-Meta-Color")).isEmpty();
        assertThat(owner.headers().firstValue("X-Container-Read")).hasValue("test:tester3");
        assertThat(owner.headers().firstValue("X-Container-Write")).hasValue("test:tester3");
        assertThat(notOwner.statusCode()).isEqualTo(204);
        assertThat(notOwner.headers().firstValue("X-Container-Meta-Size")).hasValue("big");
        assertThat(notOwner.headers().firstValue("X-Container-Read")).isEmpty();
        assertThat(notOwner.headers().firstValue("X-Container-Write")).isEmpty();
        // tempauth: only owners write containers, whatever the container's write ACL says.
        assertThat(sneaky.statusCode()).isEqualTo(403);
        assertThat(after.headers().firstValue("X-Container-Read")).hasValue("test:tester3");
    }

    @Test
    void refusesBadMetadataAndLongNames() throws Exception {
        HttpResponse<String> longName = swift.send("PUT", "AUTH_test/" + "c".repeat(257));
        HttpResponse<String> longMeta = swift.send("PUT", "AUTH_test/badmeta", "X-Container-Meta-" + "k".repeat(129), "v");

        assertThat(longName.statusCode()).isEqualTo(400);
        assertThat(longName.body()).isEqualTo("Container name length of 257 longer than 256");
        assertThat(longMeta.statusCode()).isEqualTo(400);
        assertThat(longMeta.body()).isEqualTo("Metadata name too long: x-container-meta-K" + "k".repeat(128));
    }

    @Test
    void answers404ForContainersOfAMissingAccount() throws Exception {
        String admin = swift.token("test2:tester2", "testing2");

        HttpResponse<String> head = swift.sendAs(admin, "HEAD", "AUTH_test2/none");
        HttpResponse<String> post = swift.sendAs(admin, "POST", "AUTH_test2/none");
        HttpResponse<String> delete = swift.sendAs(admin, "DELETE", "AUTH_test2/none");

        assertThat(head.statusCode()).isEqualTo(404);
        assertThat(post.statusCode()).isEqualTo(404);
        assertThat(delete.statusCode()).isEqualTo(404);
    }

    @Test
    void asksEveryReplicaForTheNewest() throws Exception {
        swift.send("PUT", "AUTH_test/newest");

        HttpResponse<String> newest = swift.send("GET", "AUTH_test/newest?format=json", "X-Newest", "true");

        assertThat(newest.statusCode()).isEqualTo(200);
        assertThat(newest.body()).isEqualTo("[]");
    }
}
