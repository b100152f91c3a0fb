package io.ringway.storage.conformance;

import io.ringway.storage.node.ServerType;
import io.ringway.testing.http.RawRequest;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Ringway's account server answers request sequences as Swift 2.30's account server does. */
@ExtendWith(RealSwiftStorage.class)
final class AccountServerRealSwiftTests {

    private static final String ACCT = "/{dev}/0/{a}";
    private static final SwiftResource ACCOUNT = new SwiftResource(ACCT);
    private static final String[] HEADERS = {"Content-Length", "Content-Type", "Last-Modified", "?X-Timestamp",
        "?X-Backend-Timestamp", "X-Put-Timestamp", "X-Account-Container-Count", "X-Account-Object-Count",
        "X-Account-Bytes-Used", "X-Account-Storage-Policy-*", "X-Account-Meta-*", "X-Account-Sysmeta-*",
        "X-Account-Status", "X-Account-Access-Control", "X-Backend-Delete-Timestamp",
        "X-Backend-Put-Timestamp", "X-Backend-Status-Changed-At", "X-Backend-Storage-Policy-Index"};

    private final ConformanceSides sides;

    AccountServerRealSwiftTests(RealSwiftServers servers) {
        this.sides = ConformanceSides.of(servers, ServerType.ACCOUNT);
    }

    @Test
    void putHeadAndPostKeepTheNewestMetadata() throws IOException {
        BackendConformance.sequence("account PUT, HEAD, POST")
                .step("HEAD before PUT", ACCOUNT.head(), 404, HEADERS)
                .step("GET before PUT", RawRequest.of("GET", ACCT), 404, HEADERS)
                .step("PUT", ACCOUNT.put("{t1}").header("X-Account-Meta-Color", "red"), 201, HEADERS)
                .step("PUT again", ACCOUNT.put("{t2}").header("X-Account-Meta-Size", "big"), 202, HEADERS)
                .step("HEAD", ACCOUNT.head(), 204, HEADERS)
                .expectHeader("X-Put-Timestamp", "{t2}")
                .step("POST", ACCOUNT.post("{t3}").header("X-Account-Meta-Color", "green")
                        .header("X-Account-Meta-Size", ""), 204, HEADERS)
                .step("POST older metadata (ignored)", ACCOUNT.post("{t1}").header("X-Account-Meta-Color", "old"), 204,
                        HEADERS)
                .step("HEAD", ACCOUNT.head(), 204, HEADERS)
                .expectHeader("X-Account-Meta-Color", "green")
                .step("GET (empty listing)", RawRequest.of("GET", ACCT), 204, HEADERS)
                .step("GET JSON (empty listing)", RawRequest.of("GET", ACCT + "?format=json"), 200, HEADERS)
                .step("POST without X-Timestamp", RawRequest.of("POST", ACCT), 400, HEADERS)
                .step("POST too much metadata", SwiftResource.tooMuchMetadata(ACCOUNT.post("{t4}"), "X-Account-Meta-"), 400,
                        HEADERS)
                .run(sides.real(), sides.peer());
    }

    @Test
    void containerRowsFeedTheStatsAndListings() throws IOException {
        BackendConformance sequence = BackendConformance.sequence("account rows and listings")
                .step("PUT account", ACCOUNT.put("{t1}"), 201, HEADERS);
        String[] names = {"a", "b-1", "b-2", "b-3-x", "c", "d"};
        for (int i = 0; i < names.length; i++) {
            sequence.step("PUT row " + names[i], row(names[i], "{t" + (i + 2) + "}", "0", i, i * 100, i % 2), 201,
                    HEADERS);
        }
        sequence.step("PUT row with a newer count", row("a", "{t10}", "0", 7, 70, 0), 201, HEADERS)
                .step("PUT row deleting d", row("d", "{t3}", "{t11}", 0, 0, 1), 204, HEADERS)
                .step("HEAD", ACCOUNT.head(), 204, HEADERS)
                .step("GET plain", ACCOUNT.get(""), 200, HEADERS)
                .step("GET JSON", ACCOUNT.get("?format=json"), 200, HEADERS)
                .step("GET XML", ACCOUNT.get("?format=xml"), 200, HEADERS)
                .step("GET Accept JSON", ACCOUNT.get("").header("Accept", "application/json"), 200, HEADERS)
                .step("GET prefix", ACCOUNT.get("?format=json&prefix=b-"), 200, HEADERS)
                .step("GET delimiter", ACCOUNT.get("?format=json&delimiter=-"), 200, HEADERS)
                .step("GET delimiter XML", ACCOUNT.get("?format=xml&delimiter=-"), 200, HEADERS)
                .step("GET prefix+delimiter", ACCOUNT.get("?prefix=b-&delimiter=-"), 200, HEADERS)
                .step("GET marker", ACCOUNT.get("?marker=b-2"), 200, HEADERS)
                .step("GET end_marker", ACCOUNT.get("?end_marker=c"), 200, HEADERS)
                .step("GET reverse", ACCOUNT.get("?reverse=true&format=json"), 200, HEADERS)
                .step("GET limit", ACCOUNT.get("?limit=2&format=json"), 200, HEADERS)
                .step("GET limit too big", ACCOUNT.get("?limit=10001"), 412, HEADERS)
                .step("GET marker past the end", ACCOUNT.get("?marker=zzz"), 204, HEADERS)
                .run(sides.real(), sides.peer());
    }

    @Test
    void deleteMarksTheAccountDeleted() throws IOException {
        BackendConformance.sequence("account DELETE")
                .step("PUT account", ACCOUNT.put("{t1}"), 201, HEADERS)
                .step("PUT row", row("c", "{t2}", "0", 1, 5, 0), 201, HEADERS)
                .step("DELETE without X-Timestamp", RawRequest.of("DELETE", ACCT), 400, HEADERS)
                .step("DELETE", ACCOUNT.delete("{t3}"), 204, HEADERS)
                .step("HEAD deleted", ACCOUNT.head(), 404, HEADERS)
                .expectHeader("X-Account-Status", "Deleted")
                .step("GET deleted", ACCOUNT.get("?format=json"), 404, HEADERS)
                .step("POST deleted", ACCOUNT.post("{t4}").header("X-Account-Meta-X", "y"), 404, HEADERS)
                .step("PUT row into deleted account", row("d", "{t5}", "0", 0, 0, 0), 404, HEADERS)
                .step("DELETE deleted", ACCOUNT.delete("{t6}"), 404, HEADERS)
                .step("PUT over the deleted account", ACCOUNT.put("{t7}"), 403, HEADERS)
                .run(sides.real(), sides.peer());
    }

    @Test
    void invalidRequestsAreRejected() throws IOException {
        BackendConformance.sequence("account errors")
                .step("PUT missing X-Timestamp", RawRequest.of("PUT", ACCT), 400, HEADERS)
                .step("PUT bad X-Timestamp", RawRequest.of("PUT", ACCT).header("X-Timestamp", "soon"), 400, HEADERS)
                .step("PUT too few segments", RawRequest.of("PUT", "/{dev}/0").header("X-Timestamp", "{t1}"), 400,
                        HEADERS)
                .step("PUT missing device", RawRequest.of("PUT", "/nodev/0/{a}").header("X-Timestamp", "{t1}"), 507,
                        HEADERS)
                .step("HEAD missing device", RawRequest.of("HEAD", "/nodev/0/{a}"), 507, HEADERS)
                .step("PUT row into missing account", row("c", "{t1}", "0", 0, 0, 0), 404, HEADERS)
                .step("unknown method", RawRequest.of("FROB", ACCT), 405, HEADERS)
                .run(sides.real(), sides.peer());
    }

    /** A container row update, as the container server sends it to the account server. */
    private static RawRequest row(String name, String putTimestamp, String deleteTimestamp, int objects, int bytes,
            int policy) {
        return RawRequest.of("PUT", ACCT + "/" + name)
                .header("X-Put-Timestamp", putTimestamp)
                .header("X-Delete-Timestamp", deleteTimestamp)
                .header("X-Object-Count", Integer.toString(objects))
                .header("X-Bytes-Used", Integer.toString(bytes))
                .header("X-Backend-Storage-Policy-Index", Integer.toString(policy))
                .header("X-Timestamp", putTimestamp);
    }
}
