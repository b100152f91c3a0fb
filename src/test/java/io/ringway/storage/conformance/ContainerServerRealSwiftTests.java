package io.ringway.storage.conformance;

import io.ringway.storage.node.ServerType;
import io.ringway.testing.http.RawRequest;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Ringway's container server answers request sequences as Swift 2.30's container server does. */
@ExtendWith(RealSwiftStorage.class)
final class ContainerServerRealSwiftTests {

    private static final String CONT = "/{dev}/0/{a}/c";
    private static final String[] HEADERS = {"Content-Length", "Content-Type", "Last-Modified", "?X-Timestamp",
        "?X-Backend-Timestamp", "X-Put-Timestamp", "X-Backend-Put-Timestamp", "X-Backend-Delete-Timestamp",
        "X-Backend-Status-Changed-At", "X-Backend-Storage-Policy-Index", "X-Container-Object-Count",
        "X-Container-Bytes-Used", "X-Backend-Sharding-State", "X-Backend-Record-Type",
        "X-Backend-Record-Storage-Policy-Index", "X-Container-Meta-*", "X-Container-Sysmeta-*",
        "X-Container-Read", "X-Container-Write", "X-Versions-Location", "X-History-Location",
        "X-Backend-Recheck-Container-Existence"};

    private final ConformanceSides sides;

    ContainerServerRealSwiftTests(RealSwiftServers servers) {
        this.sides = ConformanceSides.of(servers, ServerType.CONTAINER);
    }

    @Test
    void putHeadAndPostKeepTheNewestMetadata() throws IOException {
        BackendConformance.sequence("container PUT, HEAD, POST")
                .step("HEAD before PUT", head(), 404, HEADERS)
                .step("PUT", put("{t1}").header("X-Container-Meta-Color", "red")
                        .header("X-Container-Read", ".r:*"), 201, HEADERS)
                .expectHeader("X-Backend-Storage-Policy-Index", "0")
                .step("PUT again", put("{t2}").header("X-Container-Meta-Size", "big"), 202, HEADERS)
                .step("HEAD", head(), 204, HEADERS)
                .expectHeader("X-Put-Timestamp", "{t2}")
                .step("POST", post("{t3}").header("X-Container-Meta-Color", "green")
                        .header("X-Container-Meta-Size", ""), 204, HEADERS)
                .step("POST older metadata (ignored)", post("{t1}").header("X-Container-Meta-Color", "old"), 204,
                        HEADERS)
                .step("HEAD", head(), 204, HEADERS)
                .expectHeader("X-Container-Meta-Color", "green")
                .step("GET (empty listing)", RawRequest.of("GET", CONT), 204, HEADERS)
                .step("GET JSON (empty listing)", RawRequest.of("GET", CONT + "?format=json"), 200, HEADERS)
                .step("POST without X-Timestamp", RawRequest.of("POST", CONT), 400, HEADERS)
                .run(sides.real(), sides.peer());
    }

    @Test
    void listingsFollowPrefixDelimiterMarkersReverseAndLimit() throws IOException {
        BackendConformance sequence = BackendConformance.sequence("container listings")
                .step("PUT container", put("{t1}"), 201, HEADERS);
        String[] names = {"a", "b/1", "b/2", "b/3/x", "c", "d%20e", "f"};
        for (int i = 0; i < names.length; i++) {
            sequence.step("PUT row " + names[i], row("PUT", names[i], "{t" + (i + 2) + "}", i * 10), 201, HEADERS);
        }
        sequence.step("DELETE row f", RawRequest.of("DELETE", CONT + "/f").header("X-Timestamp", "{t20}"), 204,
                        HEADERS)
                .step("HEAD", head(), 204, HEADERS)
                .expectHeader("X-Container-Object-Count", "6")
                .step("GET plain", get(""), 200, HEADERS)
                .step("GET JSON", get("?format=json"), 200, HEADERS)
                .step("GET XML", get("?format=xml"), 200, HEADERS)
                .step("GET Accept JSON", get("").header("Accept", "application/json"), 200, HEADERS)
                .step("GET Accept XML", get("").header("Accept", "text/xml"), 200, HEADERS)
                .step("GET prefix", get("?format=json&prefix=b/"), 200, HEADERS)
                .step("GET delimiter", get("?format=json&delimiter=/"), 200, HEADERS)
                .step("GET delimiter XML", get("?format=xml&delimiter=/"), 200, HEADERS)
                .step("GET prefix+delimiter", get("?prefix=b/&delimiter=/"), 200, HEADERS)
                .step("GET marker", get("?marker=b/2"), 200, HEADERS)
                .step("GET end_marker", get("?end_marker=c"), 200, HEADERS)
                .step("GET marker+end_marker", get("?marker=a&end_marker=c"), 200, HEADERS)
                .step("GET reverse", get("?reverse=true"), 200, HEADERS)
                .step("GET reverse+marker", get("?reverse=on&marker=c&format=json"), 200, HEADERS)
                .step("GET limit", get("?limit=2&format=json"), 200, HEADERS)
                .step("GET limit 0", get("?limit=0"), 204, HEADERS)
                .step("GET limit too big", get("?limit=10001"), 412, HEADERS)
                .step("GET limit not a number (ignored)", get("?limit=x"), 200, HEADERS)
                .step("GET negative limit", get("?limit=-1"), 200, HEADERS)
                .step("GET marker past the end", get("?marker=zzz"), 204, HEADERS)
                .step("GET path", get("?path=b"), 200, HEADERS)
                .step("GET bad format", get("?format=yaml"), 200, HEADERS)
                .step("GET prefix no match", get("?prefix=zzz&format=json"), 200, HEADERS)
                .run(sides.real(), sides.peer());
    }

    @Test
    void deleteRefusesANonEmptyContainerAndHeadThenReportsItDeleted() throws IOException {
        BackendConformance.sequence("container DELETE")
                .step("PUT container", put("{t1}"), 201, HEADERS)
                .step("PUT row", row("PUT", "o", "{t2}", 5), 201, HEADERS)
                .step("DELETE non-empty", delete("{t3}"), 409, HEADERS)
                .step("DELETE row", RawRequest.of("DELETE", CONT + "/o").header("X-Timestamp", "{t4}"), 204,
                        HEADERS)
                .step("DELETE without X-Timestamp", RawRequest.of("DELETE", CONT), 400, HEADERS)
                .step("DELETE empty", delete("{t5}"), 204, HEADERS)
                .step("HEAD deleted", head(), 404, HEADERS)
                .step("GET deleted", get("?format=json"), 404, HEADERS)
                .step("DELETE deleted", delete("{t6}"), 404, HEADERS)
                .step("POST deleted", post("{t7}").header("X-Container-Meta-X", "y"), 404, HEADERS)
                // The deleted database is still there: a row revives it (the proxy never sends one).
                .step("PUT row into deleted container", row("PUT", "p", "{t8}", 1), 201, HEADERS)
                .step("HEAD revived by the row", head(), 204, HEADERS)
                .step("PUT over the revived container", put("{t9}"), 202, HEADERS)
                .step("HEAD", head(), 204, HEADERS)
                .run(sides.real(), sides.peer());
    }

    @Test
    void policyIndexConflictsWithTheExistingContainer() throws IOException {
        BackendConformance.sequence("policy index conflict")
                .step("PUT policy 1", put("{t1}").header("X-Backend-Storage-Policy-Index", "1"), 201, HEADERS)
                .step("PUT policy 0", put("{t2}").header("X-Backend-Storage-Policy-Index", "0"), 409, HEADERS)
                .expectHeader("X-Backend-Storage-Policy-Index", "1")
                .step("PUT without policy", put("{t3}"), 202, HEADERS)
                .step("PUT unknown policy 7", put("{t4}").header("X-Backend-Storage-Policy-Index", "7"), 400,
                        HEADERS)
                .step("PUT row policy 1", row("PUT", "o", "{t5}", 3)
                        .header("X-Backend-Storage-Policy-Index", "1"), 201, HEADERS)
                .step("HEAD", head(), 204, HEADERS)
                .step("GET JSON", get("?format=json"), 200, HEADERS)
                .run(sides.real(), sides.peer());
    }

    @Test
    void invalidRequestsAreRejected() throws IOException {
        BackendConformance.sequence("container errors")
                .step("PUT missing X-Timestamp", RawRequest.of("PUT", CONT), 400, HEADERS)
                .step("PUT bad X-Timestamp", RawRequest.of("PUT", CONT).header("X-Timestamp", "soon"), 400, HEADERS)
                .step("PUT too few segments", RawRequest.of("PUT", "/{dev}/0/{a}").header("X-Timestamp", "{t1}"),
                        400, HEADERS)
                .step("PUT missing device", RawRequest.of("PUT", "/nodev/0/{a}/c").header("X-Timestamp", "{t1}"),
                        507, HEADERS)
                .step("GET missing device", RawRequest.of("GET", "/nodev/0/{a}/c"), 507, HEADERS)
                .step("PUT row into missing container", row("PUT", "o", "{t1}", 1), 404, HEADERS)
                .step("PUT too much metadata", tooMuchMetadata(put("{t1}"), "X-Container-Meta-"), 400, HEADERS)
                .step("unknown method", RawRequest.of("FROB", CONT), 405, HEADERS)
                .run(sides.real(), sides.peer());
    }

    /** 20 values of 250 bytes: past Swift's max_meta_overall_size (4096) but within the other limits. */
    static RawRequest tooMuchMetadata(RawRequest request, String prefix) {
        RawRequest big = request;
        for (int i = 0; i < 20; i++) {
            big = big.header(prefix + "K" + i, "v".repeat(250));
        }
        return big;
    }

    private static RawRequest put(String timestamp) {
        return RawRequest.of("PUT", CONT).header("X-Timestamp", timestamp);
    }

    private static RawRequest post(String timestamp) {
        return RawRequest.of("POST", CONT).header("X-Timestamp", timestamp);
    }

    private static RawRequest delete(String timestamp) {
        return RawRequest.of("DELETE", CONT).header("X-Timestamp", timestamp);
    }

    private static RawRequest head() {
        return RawRequest.of("HEAD", CONT);
    }

    private static RawRequest get(String query) {
        return RawRequest.of("GET", CONT + query);
    }

    /** An object row update, as the object server sends it after a PUT or DELETE. */
    private static RawRequest row(String method, String name, String timestamp, int size) {
        return RawRequest.of(method, CONT + "/" + name)
                .header("X-Timestamp", timestamp)
                .header("X-Size", Integer.toString(size))
                .header("X-Content-Type", "text/plain")
                .header("X-Etag", ObjectServerRealSwiftTests.md5(name));
    }
}
