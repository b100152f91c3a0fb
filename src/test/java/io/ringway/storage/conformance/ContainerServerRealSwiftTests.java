package io.ringway.storage.conformance;

import io.ringway.storage.node.ServerType;
import io.ringway.testing.http.RawRequest;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Ringway's container server answers request sequences as Swift 2.30's container server does. */
@ExtendWith(RealSwiftStorage.class)
final class ContainerServerRealSwiftTests {

    private static final String CONT = "/{dev}/0/{a}/c";
    private static final SwiftResource CONTAINER = new SwiftResource(CONT);
    private static final String[] HEADERS = {"Content-Length", "Content-Type", "Last-Modified", "?X-Timestamp",
        "?X-Backend-Timestamp", "X-Put-Timestamp", "X-Backend-Put-Timestamp", "X-Backend-Delete-Timestamp",
        "X-Backend-Status-Changed-At", "X-Backend-Storage-Policy-Index", "X-Container-Object-Count",
        "X-Container-Bytes-Used", "X-Backend-Sharding-State", "X-Backend-Record-Type",
        "X-Backend-Record-Storage-Policy-Index", "X-Container-Meta-*", "X-Container-Sysmeta-*",
        "X-Container-Read", "X-Container-Write", "X-Versions-Location", "X-History-Location",
        "X-Backend-Recheck-Container-Existence"};

    /** Every header's value, but the database's creation time (the server's clock) for presence only. */
    private static final String[] ALL = {"*", "?X-Timestamp", "?X-Backend-Timestamp"};
    private static final String C1 = "/{dev}/1/{a}/c";
    private static final String ACC3 = "/{dev}/3/{a}";
    private static final List<String> ROWS = List.of("a", "b/c", "b/d", "c", "%C3%A9", "d%26%3C", "e");

    private final ConformanceSides sides;

    ContainerServerRealSwiftTests(RealSwiftServers servers) {
        this.sides = ConformanceSides.of(servers, ServerType.CONTAINER);
    }

    @Test
    void putHeadAndPostKeepTheNewestMetadata() throws IOException {
        BackendConformance.sequence("container PUT, HEAD, POST")
                .step("HEAD before PUT", CONTAINER.head(), 404, HEADERS)
                .step("PUT", CONTAINER.put("{t1}").header("X-Container-Meta-Color", "red")
                        .header("X-Container-Read", ".r:*"), 201, HEADERS)
                .expectHeader("X-Backend-Storage-Policy-Index", "0")
                .step("PUT again", CONTAINER.put("{t2}").header("X-Container-Meta-Size", "big"), 202, HEADERS)
                .step("HEAD", CONTAINER.head(), 204, HEADERS)
                .expectHeader("X-Put-Timestamp", "{t2}")
                .step("POST", CONTAINER.post("{t3}").header("X-Container-Meta-Color", "green")
                        .header("X-Container-Meta-Size", ""), 204, HEADERS)
                .step("POST older metadata (ignored)", CONTAINER.post("{t1}").header("X-Container-Meta-Color", "old"), 204,
                        HEADERS)
                .step("HEAD", CONTAINER.head(), 204, HEADERS)
                .expectHeader("X-Container-Meta-Color", "green")
                .step("GET (empty listing)", RawRequest.of("GET", CONT), 204, HEADERS)
                .step("GET JSON (empty listing)", RawRequest.of("GET", CONT + "?format=json"), 200, HEADERS)
                .step("POST without X-Timestamp", RawRequest.of("POST", CONT), 400, HEADERS)
                .run(sides.real(), sides.peer());
    }

    @Test
    void listingsFollowPrefixDelimiterMarkersReverseAndLimit() throws IOException {
        BackendConformance sequence = BackendConformance.sequence("container listings")
                .step("PUT container", CONTAINER.put("{t1}"), 201, HEADERS);
        String[] names = {"a", "b/1", "b/2", "b/3/x", "c", "d%20e", "f"};
        for (int i = 0; i < names.length; i++) {
            sequence.step("PUT row " + names[i], row("PUT", names[i], "{t" + (i + 2) + "}", i * 10), 201, HEADERS);
        }
        sequence.step("DELETE row f", RawRequest.of("DELETE", CONT + "/f").header("X-Timestamp", "{t20}"), 204,
                        HEADERS)
                .step("HEAD", CONTAINER.head(), 204, HEADERS)
                .expectHeader("X-Container-Object-Count", "6")
                .step("GET plain", CONTAINER.get(""), 200, HEADERS)
                .step("GET JSON", CONTAINER.get("?format=json"), 200, HEADERS)
                .step("GET XML", CONTAINER.get("?format=xml"), 200, HEADERS)
                .step("GET Accept JSON", CONTAINER.get("").header("Accept", "application/json"), 200, HEADERS)
                .step("GET Accept XML", CONTAINER.get("").header("Accept", "text/xml"), 200, HEADERS)
                .step("GET prefix", CONTAINER.get("?format=json&prefix=b/"), 200, HEADERS)
                .step("GET delimiter", CONTAINER.get("?format=json&delimiter=/"), 200, HEADERS)
                .step("GET delimiter XML", CONTAINER.get("?format=xml&delimiter=/"), 200, HEADERS)
                .step("GET prefix+delimiter", CONTAINER.get("?prefix=b/&delimiter=/"), 200, HEADERS)
                .step("GET marker", CONTAINER.get("?marker=b/2"), 200, HEADERS)
                .step("GET end_marker", CONTAINER.get("?end_marker=c"), 200, HEADERS)
                .step("GET marker+end_marker", CONTAINER.get("?marker=a&end_marker=c"), 200, HEADERS)
                .step("GET reverse", CONTAINER.get("?reverse=true"), 200, HEADERS)
                .step("GET reverse+marker", CONTAINER.get("?reverse=on&marker=c&format=json"), 200, HEADERS)
                .step("GET limit", CONTAINER.get("?limit=2&format=json"), 200, HEADERS)
                .step("GET limit 0", CONTAINER.get("?limit=0"), 204, HEADERS)
                .step("GET limit too big", CONTAINER.get("?limit=10001"), 412, HEADERS)
                .step("GET limit not a number (ignored)", CONTAINER.get("?limit=x"), 200, HEADERS)
                .step("GET negative limit", CONTAINER.get("?limit=-1"), 200, HEADERS)
                .step("GET marker past the end", CONTAINER.get("?marker=zzz"), 204, HEADERS)
                .step("GET path", CONTAINER.get("?path=b"), 200, HEADERS)
                .step("GET bad format", CONTAINER.get("?format=yaml"), 200, HEADERS)
                .step("GET prefix no match", CONTAINER.get("?prefix=zzz&format=json"), 200, HEADERS)
                .run(sides.real(), sides.peer());
    }

    @Test
    void deleteRefusesANonEmptyContainerAndHeadThenReportsItDeleted() throws IOException {
        BackendConformance.sequence("container DELETE")
                .step("PUT container", CONTAINER.put("{t1}"), 201, HEADERS)
                .step("PUT row", row("PUT", "o", "{t2}", 5), 201, HEADERS)
                .step("DELETE non-empty", CONTAINER.delete("{t3}"), 409, HEADERS)
                .step("DELETE row", RawRequest.of("DELETE", CONT + "/o").header("X-Timestamp", "{t4}"), 204,
                        HEADERS)
                .step("DELETE without X-Timestamp", RawRequest.of("DELETE", CONT), 400, HEADERS)
                .step("DELETE empty", CONTAINER.delete("{t5}"), 204, HEADERS)
                .step("HEAD deleted", CONTAINER.head(), 404, HEADERS)
                .step("GET deleted", CONTAINER.get("?format=json"), 404, HEADERS)
                .step("DELETE deleted", CONTAINER.delete("{t6}"), 404, HEADERS)
                .step("POST deleted", CONTAINER.post("{t7}").header("X-Container-Meta-X", "y"), 404, HEADERS)
                // The deleted database is still there: a row revives it (the proxy never sends one).
                .step("PUT row into deleted container", row("PUT", "p", "{t8}", 1), 201, HEADERS)
                .step("HEAD revived by the row", CONTAINER.head(), 204, HEADERS)
                .step("PUT over the revived container", CONTAINER.put("{t9}"), 202, HEADERS)
                .step("HEAD", CONTAINER.head(), 204, HEADERS)
                .run(sides.real(), sides.peer());
    }

    @Test
    void policyIndexConflictsWithTheExistingContainer() throws IOException {
        BackendConformance.sequence("policy index conflict")
                .step("PUT policy 1", CONTAINER.put("{t1}").header("X-Backend-Storage-Policy-Index", "1"), 201, HEADERS)
                .step("PUT policy 0", CONTAINER.put("{t2}").header("X-Backend-Storage-Policy-Index", "0"), 409, HEADERS)
                .expectHeader("X-Backend-Storage-Policy-Index", "1")
                .step("PUT without policy", CONTAINER.put("{t3}"), 202, HEADERS)
                .step("PUT unknown policy 7", CONTAINER.put("{t4}").header("X-Backend-Storage-Policy-Index", "7"), 400,
                        HEADERS)
                .step("PUT row policy 1", row("PUT", "o", "{t5}", 3)
                        .header("X-Backend-Storage-Policy-Index", "1"), 201, HEADERS)
                .step("HEAD", CONTAINER.head(), 204, HEADERS)
                .step("GET JSON", CONTAINER.get("?format=json"), 200, HEADERS)
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
                .step("PUT too much metadata", SwiftResource.tooMuchMetadata(CONTAINER.put("{t1}"), "X-Container-Meta-"), 400, HEADERS)
                .step("unknown method", RawRequest.of("FROB", CONT), 405, HEADERS)
                .run(sides.real(), sides.peer());
    }

    @Test
    void updatesListingsSyncAndDeletionReachTheAccountAsSwiftsDo() throws IOException {
        BackendConformance sequence = BackendConformance.sequence("container and account, every header")
                .step("PUT account", req("PUT", ACC3, "X-Timestamp", "{t1}", "X-Account-Meta-Color", "red"), 201, ALL)
                .on(ServerType.ACCOUNT)
                .step("PUT container", withAccount(req("PUT", C1, "X-Timestamp", "{t1}", "X-Container-Meta-Color", "red",
                        "X-Container-Read", ".r:*", "X-Backend-Storage-Policy-Index", "0")), 201, ALL)
                .step("PUT container again", withAccount(req("PUT", C1, "X-Timestamp", "{t2}")), 202, ALL)
                .step("HEAD", req("HEAD", C1), 204, ALL)
                .step("GET", req("GET", C1), 204, ALL)
                .step("GET JSON", req("GET", C1 + "?format=json"), 200, ALL)
                .step("GET XML", req("GET", C1 + "?format=xml"), 200, ALL);
        for (String name : ROWS) {
            sequence.step("PUT row " + name, req("PUT", C1 + "/" + name, "X-Timestamp", "{s3}.12345", "X-Size", "5",
                    "X-Content-Type", name.equals("e") ? "text/plain;swift_bytes=99" : "text/plain",
                    "X-Etag", "d41d8cd98f00b204e9800998ecf8427e", "X-Backend-Storage-Policy-Index", "0"), 201, ALL);
        }
        sequence.step("PUT older row", req("PUT", C1 + "/a", "X-Timestamp", "{t2}", "X-Size", "9",
                        "X-Content-Type", "x/y", "X-Etag", "x"), 201, ALL)
                // An object POST that changed the content type, as object servers report it.
                .step("PUT row with content-type and meta timestamps", req("PUT", C1 + "/c", "X-Timestamp",
                        "{s3}.12345", "X-Size", "5", "X-Content-Type", "image/png; charset=x",
                        "X-Etag", "d41d8cd98f00b204e9800998ecf8427e", "X-Content-Type-Timestamp", "{s3}.50000",
                        "X-Meta-Timestamp", "{s3}.75000"), 201, ALL);
        for (String query : List.of("", "?format=json", "?format=xml", "?format=json&delimiter=/",
                "?format=xml&delimiter=/", "?delimiter=/&reverse=true", "?prefix=b/", "?path=b", "?marker=b/c",
                "?end_marker=c&marker=a", "?limit=2&delimiter=/", "?reverse=1&marker=c&end_marker=a",
                "?prefix=x&format=json", "?delimiter=/&marker=b/", "?limit=abc")) {
            sequence.step("GET " + query, req("GET", C1 + query), 200, ALL);
        }
        sequence.step("GET Accept JSON", req("GET", C1, "Accept", "application/json"), 200, ALL)
                .step("GET Accept with q-values", req("GET", C1, "Accept", "text/xml;q=0.9, application/json;q=0.5"),
                        200, ALL)
                .step("POST metadata and sysmeta", req("POST", C1, "X-Timestamp", "{t4}", "X-Container-Meta-Color", "",
                        "X-Container-Sysmeta-S", "1"), 204, ALL)
                .step("HEAD", req("HEAD", C1), 204, ALL)
                .step("UPDATE expirer rows", RawRequest.of("UPDATE", "/{dev}/1/.expiring_objects{a}/{s1}")
                        .headers("X-Timestamp", "1", "X-Backend-Storage-Policy-Index", "0")
                        .body("[{\"name\": \"seg\", \"created_at\": \"1700000001.00000\", \"size\": 0, "
                                + "\"content_type\": \"application/async-deleted\", \"etag\": \"x\", "
                                + "\"deleted\": 0, \"storage_policy_index\": 0}]"), 202, ALL)
                .step("GET expirer rows", req("GET", "/{dev}/1/.expiring_objects{a}/{s1}?format=json"), 200, ALL);
        badRequests(sequence);
        deletion(sequence);
        sequence.run(sides.real(), sides.peer());
    }

    private static void badRequests(BackendConformance sequence) {
        sequence.step("PUT missing X-Timestamp", req("PUT", C1), 400, ALL)
                .step("PUT bad X-Timestamp", req("PUT", C1, "X-Timestamp", "abc"), 400, ALL)
                .step("GET limit too big", req("GET", C1 + "?limit=10001"), 412, ALL)
                .step("GET marker not UTF-8", req("GET", C1 + "?marker=%FF"), 400, ALL)
                .step("GET name not UTF-8", req("GET", C1 + "%FF"), 412, ALL)
                .step("GET Accept bogus", req("GET", C1, "Accept", "bogus"), 400, ALL)
                .step("GET Accept image/png", req("GET", C1, "Accept", "image/png"), 406, ALL)
                .step("GET account path", req("GET", "/{dev}/1/{a}"), 400, ALL)
                .step("POST object path", req("POST", C1 + "/o", "X-Timestamp", "1"), 400, ALL)
                .step("GET missing device", req("GET", "/sdz/1/{a}/c"), 507, ALL)
                .step("GET NUL in the container name", req("GET", "/{dev}/1/{a}/c%00x"), 400, ALL)
                .step("PUT row NUL in the object name", req("PUT", C1 + "/%00o", "X-Timestamp", "1", "X-Size", "1",
                        "X-Content-Type", "a/b", "X-Etag", "e"), 400, ALL)
                .step("PUT row NUL in the container name", req("PUT", "/{dev}/1/{a}/%00c/o", "X-Timestamp", "1",
                        "X-Size", "1", "X-Content-Type", "a/b", "X-Etag", "e"), 400, ALL)
                // Swift's HEAD keeps the length of the explicit error body it does not send (34);
                // Ringway's node sends 0, as for default bodies (SwiftLengthHeaders). Proxies ignore it.
                .step("HEAD NUL in the account name", req("HEAD", ACC3 + "%00"), 400, "*", "!Content-Length")
                .on(ServerType.ACCOUNT)
                .step("POST X-Container-Sync-To", req("POST", C1, "X-Timestamp", "{t5}", "X-Container-Sync-To",
                        "http://example.com/v1/a/c"), 400, ALL)
                .step("PUT bad X-Container-Sync-To", req("PUT", C1, "X-Timestamp", "{t5}", "X-Container-Sync-To",
                        "ftp://x/y"), 400, ALL)
                .step("POST X-Container-Sync-To and key", req("POST", C1, "X-Timestamp", "{t5}",
                        "X-Container-Sync-To", "http://127.0.0.1/v1/a/c2", "X-Container-Sync-Key", "k"), 204, ALL)
                .step("HEAD", req("HEAD", C1), 204, ALL)
                .step("POST too much metadata", req("POST", C1, "X-Timestamp", "{t5}", "X-Container-Meta-Big",
                        "v".repeat(4100)), 400, ALL);
    }

    private static void deletion(BackendConformance sequence) {
        sequence.step("DELETE non-empty", withAccount(req("DELETE", C1, "X-Timestamp", "{t6}")), 409, ALL);
        for (String name : ROWS) {
            sequence.step("DELETE row " + name, req("DELETE", C1 + "/" + name, "X-Timestamp", "{t7}"), 204, ALL);
        }
        sequence.step("HEAD", req("HEAD", C1), 204, ALL)
                .step("DELETE", withAccount(req("DELETE", C1, "X-Timestamp", "{t8}")), 204, ALL)
                .step("HEAD deleted", req("HEAD", C1), 404, ALL)
                .step("GET deleted", req("GET", C1 + "?format=json"), 404, ALL)
                .step("DELETE deleted", withAccount(req("DELETE", C1, "X-Timestamp", "{t9}")), 404, ALL)
                .step("POST deleted", req("POST", C1, "X-Timestamp", "{t9}"), 404, ALL)
                .step("GET never created", req("GET", "/{dev}/1/{a}/never"), 404, ALL)
                .step("PUT second container", withAccount(req("PUT", "/{dev}/1/{a}/d", "X-Timestamp", "{t10}")), 201,
                        ALL);
        // The account, as the container server's updates left it.
        for (String query : List.of("", "?format=json", "?format=xml", "?delimiter=c&format=json", "?reverse=on")) {
            sequence.step("account GET " + query, req("GET", ACC3 + query), 200, ALL).on(ServerType.ACCOUNT);
        }
        sequence.step("account HEAD", req("HEAD", ACC3), 204, ALL).on(ServerType.ACCOUNT)
                .step("account POST", req("POST", ACC3, "X-Timestamp", "{t11}", "X-Account-Meta-Color", "blue"), 204,
                        ALL).on(ServerType.ACCOUNT)
                .step("account HEAD", req("HEAD", ACC3), 204, ALL).on(ServerType.ACCOUNT)
                .step("account DELETE", req("DELETE", ACC3, "X-Timestamp", "{t12}"), 204, ALL).on(ServerType.ACCOUNT)
                .step("account HEAD deleted", req("HEAD", ACC3), 404, ALL).on(ServerType.ACCOUNT)
                .step("account GET deleted", req("GET", ACC3), 404, ALL).on(ServerType.ACCOUNT)
                .step("account PUT over deleted", req("PUT", ACC3, "X-Timestamp", "{t13}"), 403, ALL)
                .on(ServerType.ACCOUNT)
                .step("account DELETE without X-Timestamp", req("DELETE", ACC3), 400, ALL).on(ServerType.ACCOUNT)
                .step("account HEAD never created", req("HEAD", "/{dev}/3/never{a}"), 404, ALL)
                .on(ServerType.ACCOUNT)
                .step("account PUT row never created", req("PUT", "/{dev}/3/never{a}/c", "X-Put-Timestamp", "1",
                        "X-Delete-Timestamp", "0", "X-Object-Count", "0", "X-Bytes-Used", "0"), 404, ALL)
                .on(ServerType.ACCOUNT);
    }

    /** A request as the container and account servers' first harness sent them: PUT and POST with Content-Length: 0. */
    private static RawRequest req(String method, String path, String... headers) {
        RawRequest request = RawRequest.of(method, path).headers(headers);
        return method.equals("PUT") || method.equals("POST") ? request.body("") : request;
    }

    /** Names this side's account server for the container server's update, as Swift's proxy does. */
    private static RawRequest withAccount(RawRequest request) {
        return request.headers("X-Account-Host", "{host:account}", "X-Account-Device", "{dev}",
                "X-Account-Partition", "3");
    }

    /** An object row update, as the object server sends it after a PUT or DELETE. */
    private static RawRequest row(String method, String name, String timestamp, int size) {
        return RawRequest.of(method, CONT + "/" + name)
                .header("X-Timestamp", timestamp)
                .header("X-Size", Integer.toString(size))
                .header("X-Content-Type", "text/plain")
                .header("X-Etag", SwiftResource.md5(name));
    }
}
