package io.ringway.storage.conformance;

import io.ringway.storage.node.ServerType;
import io.ringway.testing.http.RawRequest;
import io.ringway.testing.http.RawResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Ringway's object server answers request sequences as Swift 2.30's object server does. */
@ExtendWith(RealSwiftStorage.class)
final class ObjectServerRealSwiftTests {

    private static final String OBJ = "/{dev}/0/{a}/c/o";
    private static final String BODY = "0123456789abcdef";
    private static final String[] HEADERS = {"Content-Length", "Content-Type", "ETag", "Last-Modified", "X-Timestamp",
        "X-Backend-Timestamp", "X-Backend-Data-Timestamp", "X-Backend-Durable-Timestamp", "X-Backend-Content-Type",
        "X-Object-Meta-*", "X-Object-Sysmeta-*", "X-Delete-At", "Accept-Ranges", "Content-Range",
        "Content-Encoding", "Content-Disposition", "X-Backend-Fragments"};

    /** Every header's value (a multipart answer's length aside), not just the significant ones. */
    private static final String[] ALL = {"*"};

    private final ConformanceSides sides;

    ObjectServerRealSwiftTests(RealSwiftServers servers) {
        this.sides = ConformanceSides.of(servers, ServerType.OBJECT);
    }

    @Test
    void putThenHeadAndGetAnswerTheStoredObject() throws IOException {
        BackendConformance.sequence("PUT, HEAD, GET")
                .step("PUT", put("{t1}").header("X-Object-Meta-Color", "blue").body(BODY), 201, HEADERS)
                .expectHeader("Etag", quoted(SwiftResource.md5(BODY)))
                .step("HEAD", get("HEAD"), 200, HEADERS)
                .expectHeader("X-Timestamp", "{t1}")
                .step("GET", get("GET"), 200, HEADERS)
                .expectHeader("X-Object-Meta-Color", "blue")
                .run(sides.real(), sides.peer());
    }

    @Test
    void rangesAnswerPartialContentOrRangeNotSatisfiable() throws IOException {
        BackendConformance.sequence("ranges")
                .step("PUT", put("{t1}").body(BODY), 201, HEADERS)
                .step("GET single range", get("GET").header("Range", "bytes=1-3"), 206, HEADERS)
                .expectHeader("Content-Range", "bytes 1-3/16")
                .step("GET suffix range", get("GET").header("Range", "bytes=-4"), 206, HEADERS)
                .step("GET open range", get("GET").header("Range", "bytes=10-"), 206, HEADERS)
                .step("GET range past the end", get("GET").header("Range", "bytes=10-99"), 206, HEADERS)
                .step("GET multi-range", get("GET").header("Range", "bytes=0-1,4-5,-2"), 206, HEADERS)
                .multipart()
                .step("HEAD multi-range", get("HEAD").header("Range", "bytes=0-1,4-5"), 200, HEADERS)
                .step("GET unsatisfiable range", get("GET").header("Range", "bytes=16-20"), 416, HEADERS)
                .step("GET malformed range (ignored)", get("GET").header("Range", "bytes=x-y"), 200, HEADERS)
                .run(sides.real(), sides.peer());
    }

    @Test
    void conditionalRequestsFollowSwiftsRules() throws IOException {
        String etag = quoted(SwiftResource.md5(BODY));
        BackendConformance.sequence("conditional requests")
                .step("PUT", put("{t1}").body(BODY), 201, HEADERS)
                .step("GET If-Match etag", get("GET").header("If-Match", etag), 200, HEADERS)
                .step("GET If-Match other", get("GET").header("If-Match", "\"nope\""), 412, HEADERS)
                .step("GET If-Match *", get("GET").header("If-Match", "*"), 200, HEADERS)
                .step("GET If-None-Match etag", get("GET").header("If-None-Match", etag), 304, HEADERS)
                .step("GET If-None-Match *", get("GET").header("If-None-Match", "*"), 304, HEADERS)
                .step("GET If-None-Match other", get("GET").header("If-None-Match", "\"nope\""), 200, HEADERS)
                .step("GET If-Modified-Since later", get("GET").header("If-Modified-Since", "{http:t20}"), 304,
                        HEADERS)
                .step("GET If-Modified-Since earlier", get("GET").header("If-Modified-Since", "{http:t0}"), 200,
                        HEADERS)
                .step("GET If-Unmodified-Since earlier", get("GET").header("If-Unmodified-Since", "{http:t0}"), 412,
                        HEADERS)
                .step("HEAD If-None-Match etag", get("HEAD").header("If-None-Match", etag), 304, HEADERS)
                .run(sides.real(), sides.peer());
    }

    @Test
    void postReplacesMetadataAndKeepsData() throws IOException {
        BackendConformance.sequence("POST metadata")
                .step("PUT", put("{t1}").header("X-Object-Meta-Color", "blue").body(BODY), 201, HEADERS)
                .step("POST", post("{t2}").header("X-Object-Meta-Shape", "round"), 202, HEADERS)
                .step("HEAD", get("HEAD"), 200, HEADERS)
                .expectHeader("X-Object-Meta-Color", null)
                .expectHeader("X-Backend-Data-Timestamp", "{t1}")
                .step("POST older", post("{t1}").header("X-Object-Meta-Old", "x"), 409, HEADERS)
                .step("GET", get("GET"), 200, HEADERS)
                .run(sides.real(), sides.peer());
    }

    @Test
    void olderOrEqualPutConflicts() throws IOException {
        BackendConformance.sequence("PUT older timestamp")
                .step("PUT", put("{t2}").body(BODY), 201, HEADERS)
                .step("PUT older", put("{t1}").body("older"), 409, HEADERS)
                .expectHeader("X-Backend-Timestamp", "{t2}")
                .step("PUT same timestamp", put("{t2}").body("same"), 409, HEADERS)
                .step("GET", get("GET"), 200, HEADERS)
                .run(sides.real(), sides.peer());
    }

    @Test
    void deleteLeavesATombstoneThatGetReports() throws IOException {
        BackendConformance.sequence("DELETE then GET")
                .step("PUT", put("{t1}").body(BODY), 201, HEADERS)
                .step("DELETE", delete("{t2}"), 204, HEADERS)
                .step("GET", get("GET"), 404, HEADERS)
                .expectHeader("X-Backend-Timestamp", "{t2}")
                .step("HEAD", get("HEAD"), 404, HEADERS)
                .step("DELETE again", delete("{t3}"), 404, HEADERS)
                .expectHeader("X-Backend-Timestamp", "{t3}")
                .step("DELETE older than the tombstone", delete("{t1}"), 404, HEADERS)
                .expectHeader("X-Backend-Timestamp", "{t3}")
                .step("PUT after DELETE", put("{t4}").body(BODY), 201, HEADERS)
                .step("GET", get("GET"), 200, HEADERS)
                .run(sides.real(), sides.peer());
    }

    @Test
    void olderDeleteConflictsAndKeepsTheObject() throws IOException {
        BackendConformance.sequence("DELETE older timestamp")
                .step("PUT", put("{t2}").body(BODY), 201, HEADERS)
                .step("DELETE older", delete("{t1}"), 409, HEADERS)
                .step("GET", get("GET"), 200, HEADERS)
                .step("DELETE missing object", RawRequest.of("DELETE", "/{dev}/0/{a}/c/missing")
                        .header("X-Timestamp", "{t3}"), 404, HEADERS)
                .run(sides.real(), sides.peer());
    }

    @Test
    void putWithWrongEtagStoresNothing() throws IOException {
        BackendConformance.sequence("PUT wrong ETag")
                .step("PUT wrong ETag", put("{t1}").header("ETag", SwiftResource.md5("other")).body(BODY), 422, HEADERS)
                .step("GET", get("GET"), 404, HEADERS)
                .run(sides.real(), sides.peer());
    }

    @Test
    void invalidPutsAreRejected() throws IOException {
        BackendConformance.sequence("invalid PUTs")
                .step("PUT missing X-Timestamp", RawRequest.of("PUT", OBJ)
                        .header("Content-Type", "text/plain").body(BODY), 400, HEADERS)
                .step("PUT bad X-Timestamp", RawRequest.of("PUT", OBJ).header("X-Timestamp", "yesterday")
                        .header("Content-Type", "text/plain").body(BODY), 400, HEADERS)
                .step("PUT missing Content-Type", RawRequest.of("PUT", OBJ).header("X-Timestamp", "{t1}")
                        .body(BODY), 400, HEADERS)
                .step("PUT without length or chunking", RawRequest.of("PUT", OBJ).header("X-Timestamp", "{t1}")
                        .header("Content-Type", "text/plain"), 411, HEADERS)
                .step("PUT too much metadata", SwiftResource.tooMuchMetadata(put("{t1}"), "X-Object-Meta-")
                        .body(BODY), 400, HEADERS)
                .step("PUT metadata name too long", put("{t1}").header("X-Object-Meta-" + "n".repeat(129), "v")
                        .body(BODY), 400, HEADERS)
                .step("PUT X-Delete-At in the past", put("{t1}").header("X-Delete-At", "1000").body(BODY), 400,
                        HEADERS)
                .step("PUT X-Delete-At not a number", put("{t1}").header("X-Delete-At", "soon").body(BODY), 400,
                        HEADERS)
                .step("GET after the rejected PUTs", get("GET"), 404, HEADERS)
                .run(sides.real(), sides.peer());
    }

    @Test
    void badPathsAndMissingDevicesAreRejected() throws IOException {
        BackendConformance.sequence("bad paths, missing device")
                .step("GET too few segments", RawRequest.of("GET", "/{dev}/0/{a}/c"), 400, HEADERS)
                .step("PUT too few segments", RawRequest.of("PUT", "/{dev}/0/{a}").header("X-Timestamp", "{t1}")
                        .header("Content-Type", "text/plain").body(BODY), 400, HEADERS)
                .step("GET root", RawRequest.of("GET", "/"), 400, HEADERS)
                .step("PUT missing device", RawRequest.of("PUT", "/nodev/0/{a}/c/o").header("X-Timestamp", "{t1}")
                        .header("Content-Type", "text/plain").body(BODY), 507, HEADERS)
                .step("GET missing device", RawRequest.of("GET", "/nodev/0/{a}/c/o"), 507, HEADERS)
                .step("unknown method", RawRequest.of("FROB", OBJ), 405, HEADERS)
                .run(sides.real(), sides.peer());
    }

    @Test
    void deleteAtIsStoredReportedAndChangedByPost() throws IOException {
        BackendConformance.sequence("X-Delete-At")
                .step("PUT X-Delete-At in an hour", put("{t1}").header("X-Delete-At", "{delete-at:future}")
                        .body(BODY), 201, HEADERS)
                .step("HEAD", get("HEAD"), 200, HEADERS)
                .expectHeader("X-Delete-At", "{delete-at:future}")
                .step("POST a later X-Delete-At", post("{t2}").header("X-Delete-At", "{delete-at:later}"), 202,
                        HEADERS)
                .step("HEAD", get("HEAD"), 200, HEADERS)
                .expectHeader("X-Delete-At", "{delete-at:later}")
                .step("POST X-Delete-At in the past", post("{t3}").header("X-Delete-At", "1000"), 400, HEADERS)
                .step("POST removing X-Delete-At", post("{t4}"), 202, HEADERS)
                .step("GET", get("GET"), 200, HEADERS)
                .expectHeader("X-Delete-At", null)
                .run(sides.real(), sides.peer());
    }

    @Test
    void largeBodyRoundTripsWhole() throws IOException {
        StringBuilder large = new StringBuilder(1 << 20);
        for (int i = 0; large.length() < 1 << 20; i++) {
            large.append(i).append(',');
        }
        String body = large.substring(0, 1 << 20);
        BackendConformance.sequence("1 MiB object")
                .step("PUT 1 MiB", put("{t1}").header("ETag", SwiftResource.md5(body)).body(body), 201, HEADERS)
                .step("GET", get("GET"), 200, HEADERS)
                .step("GET range across the middle", get("GET").header("Range", "bytes=524000-525000"), 206,
                        HEADERS)
                .step("GET last byte", get("GET").header("Range", "bytes=-1"), 206, HEADERS)
                .run(sides.real(), sides.peer());
    }

    @Test
    void truncatedBodyStoresNothing() throws IOException {
        BackendConformance.sequence("truncated body")
                .step("PUT, client closes after half the body", put("{t1}")
                        .header("Content-Length", "16").rawBody("01234567".getBytes(StandardCharsets.UTF_8))
                        .abortAfterBody(), RawResponse.NO_RESPONSE, HEADERS)
                .step("GET", get("GET"), 404, HEADERS)
                .run(sides.real(), sides.peer());
    }

    @Test
    void chunkedPutStoresTheDecodedBody() throws IOException {
        BackendConformance.sequence("chunked PUT")
                .step("PUT chunked", put("{t1}").chunked("0123", "456789", "abcdef"), 201, HEADERS)
                .expectHeader("Etag", quoted(SwiftResource.md5(BODY)))
                .step("GET", get("GET"), 200, HEADERS)
                .run(sides.real(), sides.peer());
    }

    @Test
    void expectContinuePutGetsAnInterimResponse() throws IOException {
        BackendConformance.sequence("Expect: 100-continue")
                .step("PUT Expect: 100-continue", put("{t1}").body(BODY).expectContinue(), 201, HEADERS)
                .step("GET", get("GET"), 200, HEADERS)
                .step("PUT Expect: 100-continue to a missing device", RawRequest.of("PUT", "/nodev/0/{a}/c/o")
                        .header("X-Timestamp", "{t2}").header("Content-Type", "text/plain").body(BODY)
                        .expectContinue(), 507, HEADERS)
                .run(sides.real(), sides.peer());
    }

    @Test
    void policyIndexSelectsTheObjectDirectory() throws IOException {
        BackendConformance.sequence("storage policy 1")
                .step("PUT policy 1", put("{t1}").header("X-Backend-Storage-Policy-Index", "1").body(BODY), 201,
                        HEADERS)
                .step("GET policy 0", get("GET"), 404, HEADERS)
                .step("GET policy 1", get("GET").header("X-Backend-Storage-Policy-Index", "1"), 200, HEADERS)
                .step("GET unknown policy 7", get("GET").header("X-Backend-Storage-Policy-Index", "7"), 503, HEADERS)
                .step("DELETE policy 1", delete("{t2}").header("X-Backend-Storage-Policy-Index", "1"), 204, HEADERS)
                .step("HEAD policy 1", get("HEAD").header("X-Backend-Storage-Policy-Index", "1"), 404, HEADERS)
                .run(sides.real(), sides.peer());
    }

    @Test
    void contentTypePostsConditionalDeletesAndOddMethodsAnswerAsSwift() throws IOException {
        String etag = quoted(SwiftResource.md5("0123456789"));
        BackendConformance.sequence("object lifecycle, every header")
                .step("PUT with metadata, sysmeta, Content-Encoding, X-Delete-At", put("{t2}")
                        .headers("X-Object-Meta-Color", "Blue", "x-object-meta-lower_case", "v",
                                "Content-Encoding", "gzip", "X-Object-Sysmeta-S", "s",
                                "X-Delete-At", "{delete-at:future}")
                        .body("0123456789"), 201, ALL)
                .step("GET", get("GET"), 200, ALL)
                .step("HEAD", get("HEAD"), 200, ALL)
                .step("GET range", get("GET").header("Range", "bytes=1-3"), 206, ALL)
                .step("GET suffix and overlapping ranges", get("GET").header("Range", "bytes=-2,0-0"), 206, ALL)
                .multipart()
                .step("GET open range past the end", get("GET").header("Range", "bytes=50-"), 416, ALL)
                .step("GET backwards range (ignored)", get("GET").header("Range", "bytes=3-1"), 200, ALL)
                .step("GET If-None-Match etag", get("GET").header("If-None-Match", etag), 304, ALL)
                .step("HEAD If-Match other", get("HEAD").header("If-Match", "x"), 412, ALL)
                .step("PUT older", RawRequest.of("PUT", OBJ).headers("X-Timestamp", "{t1}", "Content-Type", "a/b")
                        .body("x"), 409, ALL)
                .step("POST new Content-Type", post("{t3}").headers("X-Object-Meta-New", "n",
                        "Content-Type", "text/new"), 202, ALL)
                .step("GET after POST", get("GET"), 200, ALL)
                .step("POST older than the last POST", post("{t2}"), 409, ALL)
                .step("POST X-Delete-At in the past", post("{t4}").header("X-Delete-At", "100"), 400, ALL)
                .step("DELETE older", delete("{t1}"), 409, ALL)
                .step("DELETE X-If-Delete-At mismatch", delete("{t4}").header("X-If-Delete-At", "5"), 412, ALL)
                .step("DELETE", delete("{t4}"), 204, ALL)
                .step("GET deleted", get("GET"), 404, ALL)
                .step("HEAD deleted", get("HEAD"), 404, ALL)
                .step("GET deleted If-Match *", get("GET").header("If-Match", "*"), 412, ALL)
                .step("POST deleted", post("{t4}"), 404, ALL)
                .run(sides.real(), sides.peer());
    }

    @Test
    void badPutsPathsAndMethodsAnswerAsSwift() throws IOException {
        String o2 = OBJ + "2";
        BackendConformance.sequence("bad requests, every header")
                .step("PUT wrong ETag", RawRequest.of("PUT", o2).headers("X-Timestamp", "{t1}", "Content-Type", "a/b",
                        "ETag", "abc").body("x"), 422, ALL)
                .step("PUT metadata value too long", RawRequest.of("PUT", o2).headers("X-Timestamp", "{t1}",
                        "Content-Type", "a/b", "X-Object-Meta-Big", "v".repeat(257)).body("x"), 400, ALL)
                .step("PUT X-Delete-At in the past", RawRequest.of("PUT", o2).headers("X-Timestamp", "{t1}",
                        "Content-Type", "a/b", "X-Delete-At", "12").body("x"), 400, ALL)
                .step("PUT X-Delete-At not a number", RawRequest.of("PUT", o2).headers("X-Timestamp", "{t1}",
                        "Content-Type", "a/b", "X-Delete-At", "zz").body("x"), 400, ALL)
                .step("PUT missing X-Timestamp", RawRequest.of("PUT", o2).header("Content-Type", "a/b").body("x"),
                        400, ALL)
                .step("PUT bad X-Timestamp", RawRequest.of("PUT", o2).headers("X-Timestamp", "nope",
                        "Content-Type", "a/b").body("x"), 400, ALL)
                .step("PUT missing Content-Type", RawRequest.of("PUT", o2).header("X-Timestamp", "{t1}").body("x"),
                        400, ALL)
                .step("PUT missing device", RawRequest.of("PUT", "/sdz9/0/{a}/c/o").headers("X-Timestamp", "{t1}",
                        "Content-Type", "a/b").body("x"), 507, ALL)
                .step("GET container path", RawRequest.of("GET", "/{dev}/0/{a}/c"), 400, ALL)
                .step("GET NUL in the object name", RawRequest.of("GET", "/{dev}/0/{a}/c/x%00y"), 400, ALL)
                .step("OPTIONS", get("OPTIONS"), 200, ALL)
                .step("COPY", get("COPY"), 405, ALL)
                .run(sides.real(), sides.peer());
    }

    private static RawRequest put(String timestamp) {
        return RawRequest.of("PUT", OBJ).header("X-Timestamp", timestamp).header("Content-Type", "text/plain");
    }

    private static RawRequest post(String timestamp) {
        return RawRequest.of("POST", OBJ).header("X-Timestamp", timestamp);
    }

    private static RawRequest delete(String timestamp) {
        return RawRequest.of("DELETE", OBJ).header("X-Timestamp", timestamp);
    }

    private static RawRequest get(String method) {
        return RawRequest.of(method, OBJ);
    }

    private static String quoted(String etag) {
        return "\"" + etag + "\"";
    }
}
