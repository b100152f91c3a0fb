package io.ringway.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Swift API end to end over the real cluster, each test through Ringway and then through the
 * real swift-proxy-server with the same expectations: what Swift answers is what Ringway must.
 */
@ExtendWith(RealCluster.class)
class SwiftApiRealSwiftTests {

    @ParameterizedTest
    @EnumSource(Side.class)
    void accountIsCreatedUpdatedAndDeletedByAResellerAdmin(Side side, Cluster cluster) {
        Front admin = cluster.login(side, "admin:admin", "admin").onAccount(Names.unique("AUTH_rc"));

        assertThat(admin.send("PUT", "").status()).isEqualTo(201);
        assertThat(admin.send("POST", "", "X-Account-Meta-Color", "blue").status()).isEqualTo(204);
        Reply head = admin.head("");
        assertThat(head.status()).isEqualTo(204);
        assertThat(head.header("X-Account-Meta-Color")).isEqualTo("blue");
        assertThat(head.header("X-Account-Container-Count")).isEqualTo("0");
        assertThat(admin.send("DELETE", "").status()).isEqualTo(204);
        // A deleted account is gone (410), not missing: the account servers keep its tombstone.
        assertThat(admin.head("").status()).isEqualTo(410);
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void containerAndObjectLiveThroughPutPostHeadGetAndDelete(Side side, Cluster cluster) {
        Front front = cluster.front(side);
        String c = Names.unique("crud");
        byte[] body = "hello, real cluster".getBytes(StandardCharsets.UTF_8);

        assertThat(front.send("PUT", c, "X-Container-Meta-Color", "red").status()).isEqualTo(201);
        assertThat(front.head(c).header("X-Container-Meta-Color")).isEqualTo("red");
        Reply put = front.put(c + "/o", body, "Content-Type", "text/x-test", "X-Object-Meta-Mood", "calm");
        assertThat(put.status()).isEqualTo(201);
        assertThat(put.header("ETag")).isEqualTo(Names.md5(body));
        assertThat(front.send("POST", c + "/o", "X-Object-Meta-Size", "small").status()).isEqualTo(202);
        Reply get = front.get(c + "/o");
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.body()).isEqualTo(body);
        assertThat(get.header("Content-Type")).isEqualTo("text/x-test");
        // POST replaces the object's metadata, as in Swift (no fast-post merge).
        assertThat(get.header("X-Object-Meta-Size")).isEqualTo("small");
        assertThat(get.header("X-Object-Meta-Mood")).isNull();
        assertThat(front.send("DELETE", c).status()).isEqualTo(409);
        assertThat(front.send("DELETE", c + "/o").status()).isEqualTo(204);
        assertThat(front.get(c + "/o").status()).isEqualTo(404);
        assertThat(front.send("DELETE", c).status()).isEqualTo(204);
        assertThat(front.head(c).status()).isEqualTo(404);
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void listsContainersAndObjectsAsTextJsonAndXml(Side side, Cluster cluster) {
        Front front = cluster.front(side);
        String c = Names.unique("list");
        assertThat(front.send("PUT", c).status()).isEqualTo(201);
        for (String name : new String[] {"a/1", "a/2", "b"}) {
            assertThat(front.put(c + "/" + name, name.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(201);
        }

        assertThat(front.get(c).text()).isEqualTo("a/1\na/2\nb\n");
        assertThat(front.get(c + "?delimiter=/").text()).isEqualTo("a/\nb\n");
        Reply json = front.get(c + "?format=json&prefix=a/");
        assertThat(json.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(json.text()).startsWith("[{\"bytes\": 3, \"hash\": \"" + Names.md5("a/1".getBytes(StandardCharsets.UTF_8))
                + "\", \"name\": \"a/1\", \"content_type\": \"application/octet-stream\", \"last_modified\": \"")
                .contains("\"name\": \"a/2\"").doesNotContain("\"b\"");
        Reply xml = front.get(c + "?format=xml&limit=1");
        assertThat(xml.header("Content-Type")).isEqualTo("application/xml; charset=utf-8");
        assertThat(xml.text()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<container name=\"" + c + "\">")
                .contains("<name>a/1</name>").doesNotContain("a/2");
        assertThat(front.get("?format=json&prefix=" + c).text()).startsWith("[{\"name\": \"" + c + "\", \"count\": ");
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void servesRangesAndConditionalGets(Side side, Cluster cluster) {
        Front front = cluster.front(side);
        String c = Names.unique("range");
        byte[] body = "0123456789".getBytes(StandardCharsets.UTF_8);
        front.send("PUT", c);
        String etag = front.put(c + "/o", body).header("ETag");

        Reply range = front.get(c + "/o", "Range", "bytes=2-5");
        assertThat(range.status()).isEqualTo(206);
        assertThat(range.header("Content-Range")).isEqualTo("bytes 2-5/10");
        assertThat(range.text()).isEqualTo("2345");
        Reply multi = front.get(c + "/o", "Range", "bytes=0-0,-2");
        assertThat(multi.status()).isEqualTo(206);
        assertThat(multi.header("Content-Type")).startsWith("multipart/byteranges;boundary=");
        assertThat(multi.text()).contains("Content-Range: bytes 0-0/10").contains("Content-Range: bytes 8-9/10");
        assertThat(front.get(c + "/o", "Range", "bytes=20-").status()).isEqualTo(416);
        assertThat(front.get(c + "/o", "If-None-Match", "\"" + etag + "\"").status()).isEqualTo(304);
        assertThat(front.get(c + "/o", "If-Match", "\"nope\"").status()).isEqualTo(412);
        String lastModified = front.head(c + "/o").header("Last-Modified");
        assertThat(front.get(c + "/o", "If-Modified-Since", lastModified).status()).isEqualTo(304);
        assertThat(front.get(c + "/o", "If-Unmodified-Since", "Thu, 01 Jan 1970 00:00:01 GMT").status())
                .isEqualTo(412);
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void copiesObjectsAndExpiresThemAfterXDeleteAfter(Side side, Cluster cluster) throws InterruptedException {
        Front front = cluster.front(side);
        String c = Names.unique("copy");
        front.send("PUT", c);
        front.put(c + "/src", "copied".getBytes(StandardCharsets.UTF_8), "X-Object-Meta-Kept", "yes");

        assertThat(front.send("COPY", c + "/src", "Destination", c + "/dst").status()).isEqualTo(201);
        Reply copy = front.get(c + "/dst");
        assertThat(copy.text()).isEqualTo("copied");
        assertThat(copy.header("X-Object-Meta-Kept")).isEqualTo("yes");
        assertThat(front.put(c + "/fresh", new byte[0], "X-Copy-From", c + "/dst").status()).isEqualTo(201);
        assertThat(front.get(c + "/fresh").text()).isEqualTo("copied");

        // X-Delete-At is whole seconds (int(now + 3)): at least 2 s of life left for the HEAD.
        assertThat(front.put(c + "/brief", new byte[] {1}, "X-Delete-After", "3").status()).isEqualTo(201);
        Reply alive = front.head(c + "/brief");
        assertThat(alive.status()).isEqualTo(200);
        String deleteAt = alive.header("X-Delete-At");
        assertThat(deleteAt).isNotNull();
        // The object servers hide an expired object on their own clock: nothing to poll but time.
        Thread.sleep(Math.max(0, Long.parseLong(deleteAt) * 1000 + 200 - System.currentTimeMillis()));
        assertThat(front.get(c + "/brief").status()).isEqualTo(404);
    }
}
