package io.ringway.storage.object;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.testing.http.RawResponse;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PUT, GET, HEAD, POST and DELETE against the object server on a real port. */
class ObjectServerRoundTripTests {

    private static final String PATH = "/sda1/0/a/c/o";

    @RegisterExtension
    final ObjectServerFixture fixture = ObjectServerFixture.perTest();

    @Test
    void putThenGetReturnsBodyAndSwiftHeaders() throws IOException {
        RawResponse put = fixture.put(PATH, "hello", "X-Timestamp", "1795305600.00001",
                "X-Object-Meta-Color", "blue", "Content-Disposition", "inline", "X-Object-Sysmeta-Foo", "bar");
        assertThat(put.status()).isEqualTo(201);
        assertThat(put.header("Etag")).isEqualTo("\"5d41402abc4b2a76b9719d911017c592\"");
        assertThat(put.header("Content-Length")).isEqualTo("0");

        RawResponse get = fixture.request("GET", PATH);
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.text()).isEqualTo("hello");
        assertThat(get.header("Content-Type")).isEqualTo("text/plain");
        assertThat(get.header("Content-Length")).isEqualTo("5");
        assertThat(get.header("Etag")).isEqualTo("\"5d41402abc4b2a76b9719d911017c592\"");
        assertThat(get.header("X-Object-Meta-Color")).isEqualTo("blue");
        assertThat(get.header("X-Object-Sysmeta-Foo")).isEqualTo("bar");
        assertThat(get.header("Content-Disposition")).isEqualTo("inline");
        assertThat(get.header("X-Timestamp")).isEqualTo("1795305600.00001");
        assertThat(get.header("X-Backend-Timestamp")).isEqualTo("1795305600.00001");
        assertThat(get.header("X-Backend-Data-Timestamp")).isEqualTo("1795305600.00001");
        assertThat(get.header("X-Backend-Durable-Timestamp")).isEqualTo("1795305600.00001");
        // ceil of 1795305600.00001: one second later
        assertThat(get.header("Last-Modified")).isEqualTo("Sun, 22 Nov 2026 00:00:01 GMT");
        assertThat(fixture.filesOf("a", "c", "o")).containsExactly("1795305600.00001.data");
    }

    @Test
    void headReturnsHeadersAndLengthWithoutBody() throws IOException {
        fixture.put(PATH, "hello");
        RawResponse head = fixture.request("HEAD", PATH);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Length")).isEqualTo("5");
        assertThat(head.body()).isEmpty();
    }

    @Test
    void postReplacesUserMetadataAndKeepsData() throws IOException {
        fixture.put(PATH, "hello", "X-Object-Meta-Old", "1", "X-Object-Sysmeta-Keep", "k");
        String postTs = fixture.nextTimestamp();
        RawResponse post = fixture.request("POST", PATH, "X-Timestamp", postTs, "X-Object-Meta-New", "2",
                "Content-Type", "application/x-new");
        assertThat(post.status()).isEqualTo(202);
        assertThat(post.header("X-Backend-Content-Type")).isEqualTo("application/x-new");
        assertThat(post.header("X-Object-Sysmeta-Keep")).isEqualTo("k");
        assertThat(post.text()).isEqualTo("<html><h1>Accepted</h1><p>The request is accepted for processing.</p></html>");

        RawResponse get = fixture.request("GET", PATH);
        assertThat(get.text()).isEqualTo("hello");
        assertThat(get.header("X-Object-Meta-Old")).isNull();
        assertThat(get.header("X-Object-Meta-New")).isEqualTo("2");
        assertThat(get.header("X-Object-Sysmeta-Keep")).isEqualTo("k");
        assertThat(get.header("Content-Type")).isEqualTo("application/x-new");
        assertThat(get.header("X-Timestamp")).isEqualTo(postTs);
        assertThat(fixture.filesOf("a", "c", "o")).hasSize(2).anyMatch(name -> name.equals(postTs + ".meta"));
    }

    @Test
    void olderPostWithNewerContentTypeTimestampOnlyChangesTheContentType() throws IOException {
        String put = fixture.nextTimestamp();
        String ctype = fixture.nextTimestamp();
        String meta = fixture.nextTimestamp();
        fixture.put(PATH, "hello", "X-Timestamp", put, "Content-Type", "a/old");
        fixture.request("POST", PATH, "X-Timestamp", meta, "X-Object-Meta-Kept", "yes");
        RawResponse post = fixture.request("POST", PATH, "X-Timestamp", ctype, "Content-Type", "a/new",
                "Content-Type-Timestamp", ctype, "X-Object-Meta-Dropped", "no");
        assertThat(post.status()).isEqualTo(202);
        RawResponse head = fixture.request("HEAD", PATH);
        assertThat(head.header("Content-Type")).isEqualTo("a/new");
        assertThat(head.header("X-Object-Meta-Kept")).isEqualTo("yes");
        assertThat(head.header("X-Object-Meta-Dropped")).isNull();
        assertThat(head.header("X-Timestamp")).isEqualTo(meta);
        assertThat(fixture.request("POST", PATH, "X-Timestamp", ctype, "Content-Type", "a/new",
                "Content-Type-Timestamp", ctype).status()).isEqualTo(409);
    }

    @Test
    void postToMissingObjectIsNotFoundAndOlderPostConflicts() throws IOException {
        assertThat(fixture.request("POST", PATH, "X-Timestamp", fixture.nextTimestamp()).status()).isEqualTo(404);
        String old = fixture.nextTimestamp();
        fixture.put(PATH, "x");
        RawResponse post = fixture.request("POST", PATH, "X-Timestamp", old);
        assertThat(post.status()).isEqualTo(409);
        assertThat(post.header("X-Backend-Timestamp")).isNotNull();
        assertThat(fixture.request("POST", PATH).status()).isEqualTo(400);
    }

    @Test
    void deleteWritesTombstoneAndLaterGetIsNotFoundWithItsTimestamp() throws IOException {
        fixture.put(PATH, "hello", "Content-Type", "a/b");
        String deleteTs = fixture.nextTimestamp();
        RawResponse delete = fixture.request("DELETE", PATH, "X-Timestamp", deleteTs);
        assertThat(delete.status()).isEqualTo(204);
        assertThat(delete.header("X-Backend-Timestamp")).isEqualTo(deleteTs);
        assertThat(delete.header("X-Backend-Content-Type")).isEqualTo("a/b");
        assertThat(fixture.filesOf("a", "c", "o")).containsExactly(deleteTs + ".ts");

        RawResponse get = fixture.request("GET", PATH);
        assertThat(get.status()).isEqualTo(404);
        assertThat(get.header("X-Backend-Timestamp")).isEqualTo(deleteTs);
        assertThat(get.text()).isEqualTo("<html><h1>Not Found</h1><p>The resource could not be found.</p></html>");
        RawResponse head = fixture.request("HEAD", PATH);
        assertThat(head.status()).isEqualTo(404);
        assertThat(head.header("Content-Length")).isEqualTo("0");
    }

    @Test
    void deleteOfMissingObjectStillWritesTombstoneAndAnswersNotFound() throws IOException {
        String ts = fixture.nextTimestamp();
        RawResponse delete = fixture.request("DELETE", PATH, "X-Timestamp", ts);
        assertThat(delete.status()).isEqualTo(404);
        assertThat(delete.header("X-Backend-Timestamp")).isEqualTo(ts);
        assertThat(fixture.filesOf("a", "c", "o")).containsExactly(ts + ".ts");
    }

    @Test
    void olderDeleteConflictsAndKeepsObject() throws IOException {
        String old = fixture.nextTimestamp();
        fixture.put(PATH, "hello");
        RawResponse delete = fixture.request("DELETE", PATH, "X-Timestamp", old);
        assertThat(delete.status()).isEqualTo(409);
        assertThat(fixture.request("GET", PATH).text()).isEqualTo("hello");
    }

    @Test
    void deleteWithMismatchedIfDeleteAtFailsPrecondition() throws IOException {
        fixture.put(PATH, "hello", "X-Delete-At", "1895305600");
        RawResponse delete = fixture.request("DELETE", PATH, "X-Timestamp", fixture.nextTimestamp(),
                "X-If-Delete-At", "1895305601");
        assertThat(delete.status()).isEqualTo(412);
        assertThat(delete.text()).isEqualTo("X-If-Delete-At and X-Delete-At do not match");
        RawResponse matching = fixture.request("DELETE", PATH, "X-Timestamp", fixture.nextTimestamp(),
                "X-If-Delete-At", "1895305600");
        assertThat(matching.status()).isEqualTo(204);
    }

    @Test
    void olderOrEqualPutConflictsWithBackendTimestamp() throws IOException {
        String ts = fixture.nextTimestamp();
        String old = fixture.nextTimestamp();
        String newer = fixture.nextTimestamp();
        assertThat(fixture.put(PATH, "new", "X-Timestamp", newer).status()).isEqualTo(201);
        RawResponse older = fixture.put(PATH, "old", "X-Timestamp", old);
        assertThat(older.status()).isEqualTo(409);
        assertThat(older.header("X-Backend-Timestamp")).isEqualTo(newer);
        assertThat(fixture.put(PATH, "same", "X-Timestamp", newer).status()).isEqualTo(409);
        assertThat(fixture.request("GET", PATH).text()).isEqualTo("new");
        assertThat(ts).isLessThan(newer);
    }

    @Test
    void newerPutReplacesOlderDataFile() throws IOException {
        fixture.put(PATH, "one");
        String second = fixture.nextTimestamp();
        fixture.put(PATH, "two", "X-Timestamp", second);
        assertThat(fixture.filesOf("a", "c", "o")).containsExactly(second + ".data");
        assertThat(fixture.request("GET", PATH).text()).isEqualTo("two");
    }

    @Test
    void putIfNoneMatchStarOnExistingObjectFailsPrecondition() throws IOException {
        fixture.put(PATH, "one");
        assertThat(fixture.put(PATH, "two", "If-None-Match", "*").status()).isEqualTo(412);
    }

    @Test
    void storagePolicyIndexPicksObjectsDirectory() throws IOException {
        assertThat(fixture.put(PATH, "p1", "X-Backend-Storage-Policy-Index", "1").status()).isEqualTo(201);
        assertThat(fixture.filesUnder("objects-1")).hasSize(1);
        assertThat(fixture.request("GET", PATH).status()).isEqualTo(404);
        assertThat(fixture.request("GET", PATH, "X-Backend-Storage-Policy-Index", "1").text()).isEqualTo("p1");
    }

    @Test
    void largeBodyStreamsInBothDirectionsAcrossChunkBoundaries() throws Exception {
        byte[] body = new byte[1_000_003];
        new java.util.Random(42).nextBytes(body);
        java.util.Map<String, String> headers = ObjectServerFixture.headers("X-Timestamp", fixture.nextTimestamp(),
                "Content-Type", "application/octet-stream");
        RawResponse put = ObjectServerFixture.exchange(fixture.port(), "PUT", PATH, headers, body);
        String md5 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(body));
        assertThat(put.header("Etag")).isEqualTo("\"" + md5 + "\"");

        RawResponse get = fixture.request("GET", PATH);
        assertThat(get.body()).isEqualTo(body);
        RawResponse range = fixture.request("GET", PATH, "Range", "bytes=65530-131080");
        assertThat(range.body()).isEqualTo(java.util.Arrays.copyOfRange(body, 65530, 131081));
    }

    @Test
    void utf8MetadataComesBackByteForByte() throws IOException {
        // the raw client writes and reads header text as ISO-8859-1: one char a byte
        String utf8 = new String("caf\u00e9 \u2603".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(fixture.put(PATH, "x", "X-Object-Meta-Name", utf8).status()).isEqualTo(201);
        assertThat(fixture.request("HEAD", PATH).header("X-Object-Meta-Name")).isEqualTo(utf8);
    }

    @Test
    void unknownMethodIsNotAllowed() throws IOException {
        assertThat(fixture.request("COPY", PATH).status()).isEqualTo(405);
    }
}
