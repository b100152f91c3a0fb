package io.ringway.storage.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.storage.node.ServerType;
import io.ringway.storage.node.StorageNodeServers;
import io.ringway.testing.RingwayApps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Garbage thrown at the booted node's account, container and object servers. After every request
 * the server still answers {@code /healthcheck}; the answer is a 4xx (or Swift's 507 for a
 * missing device), never a 500; and an object PUT that was refused or cut off leaves nothing a
 * GET can see.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StorageNodeBadInputIntegrationTests {

    private static final Map<ServerType, String> PATHS = Map.of(
            ServerType.ACCOUNT, "/d1/0/a",
            ServerType.CONTAINER, "/d1/0/a/c",
            ServerType.OBJECT, "/d1/0/a/c/o");
    private static final List<String> METHODS = List.of("GET", "HEAD", "PUT", "POST", "DELETE");

    @TempDir
    static Path data;
    ConfigurableApplicationContext context;
    StorageNodeServers servers;
    final List<String> failures = new ArrayList<>();
    final AtomicInteger sent = new AtomicInteger();
    final AtomicInteger names = new AtomicInteger();
    final Map<Integer, Integer> statuses = new java.util.concurrent.ConcurrentSkipListMap<>();

    @BeforeAll
    void start() throws IOException {
        context = RingwayApps.start(data, WebApplicationType.NONE);
        servers = context.getBean(StorageNodeServers.class);
        // something to range over and list
        expect(ServerType.ACCOUNT, request("PUT", "/d1/0/a", "X-Timestamp", ts()), 201, 202);
        expect(ServerType.CONTAINER, request("PUT", "/d1/0/a/c", "X-Timestamp", ts()), 201, 202);
        expect(ServerType.OBJECT, put("/d1/0/a/c/o", "0123456789"), 201);
    }

    @AfterAll
    void stop() {
        System.out.println("[bad-input] " + sent.get() + " bad requests, each followed by a healthcheck; "
                + "answers by status (0: closed without one): " + statuses);
        if (context != null) {
            context.close();
        }
    }

    @AfterEach
    void noFailures() {
        List<String> seen = List.copyOf(failures);
        failures.clear();
        assertThat(seen).as("bad answers").isEmpty();
    }

    @Test
    void badPathsAreClientErrors() throws IOException {
        List<String> paths = List.of("/", "/d1", "/d1/0", "/d1/0/a/c/o/x/y", "/d1/x/a/c/o", "/d1/-1/a/c/o",
                "/d1/99999999999999999999/a/c/o", "/d1/0/../c/o", "/d1/0/a/../o", "/d1/0/a/c/..",
                "/d1/0/a%00b/c/o", "/d1/0/a/c%00/o", "/d1/0/a/c/o%00", "/d1/0/a%FF/c/o", "/d1/0/a/c/o%C3%28",
                "/d1/0/a%ZZ/c/o", "/d1/0/a/c/o%", "/d1//a/c/o", "//0/a/c/o", "/nodev/0/a/c/o", "/../../etc/passwd",
                "/d1/0/a/c/" + "o".repeat(2000), "/d1/0/" + "a".repeat(300) + "/c/o");
        for (ServerType type : ServerType.values()) {
            for (String path : paths) {
                for (String method : METHODS) {
                    check(type, request(method, path, List.of("X-Timestamp", ts(), "Content-Length", "0")));
                }
            }
        }
    }

    @Test
    void badTimestampsAreClientErrors() throws IOException {
        List<String> stamps = List.of("", "abc", "-1", "1e400", "nan", "inf", "1.2.3", "0x10",
                "99999999999999999999999999", "1795305600.123456789012", "1795305600_", "1795305600_zz",
                "1795305600_ffffffffffffffffffff", "9999999999.99999", "10000000000", " 1795305600");
        for (ServerType type : ServerType.values()) {
            for (String stamp : stamps) {
                for (String method : List.of("PUT", "POST", "DELETE")) {
                    String path = PATHS.get(type) + (type == ServerType.OBJECT ? names.incrementAndGet() : "");
                    Wire.Reply reply = check(type, request(method, path, List.of("X-Timestamp", stamp,
                            "Content-Type", "text/plain", "Content-Length", "0")));
                    assertNoObject(type, path, method, reply);
                }
            }
        }
    }

    @Test
    void badContentLengthsAreClientErrors() throws IOException {
        List<String> lengths = List.of("-1", "abc", "99999999999999999999999", "1.5", "", "0x10", "1, 2", "+5");
        for (ServerType type : ServerType.values()) {
            for (String length : lengths) {
                String path = PATHS.get(type) + (type == ServerType.OBJECT ? names.incrementAndGet() : "");
                Wire.Reply reply = check(type, request("PUT", path, List.of("X-Timestamp", ts(),
                        "Content-Type", "text/plain", "Content-Length", length), "hello"));
                assertNoObject(type, path, "PUT", reply);
            }
            String path = PATHS.get(type) + (type == ServerType.OBJECT ? names.incrementAndGet() : "");
            check(type, request("PUT", path, List.of("X-Timestamp", ts(), "Content-Type", "text/plain",
                    "Content-Length", "5", "Transfer-Encoding", "chunked"), "5\r\nhello\r\n0\r\n\r\n"));
            String twice = PATHS.get(type) + (type == ServerType.OBJECT ? names.incrementAndGet() : "");
            Wire.Reply reply = check(type, request("PUT", twice, List.of("X-Timestamp", ts(),
                    "Content-Type", "text/plain", "Content-Length", "5", "Content-Length", "7"), "hello"));
            assertNoObject(type, twice, "PUT", reply);
            String badChunks = PATHS.get(type) + (type == ServerType.OBJECT ? names.incrementAndGet() : "");
            Wire.Reply chunks = check(type, request("PUT", badChunks, List.of("X-Timestamp", ts(),
                    "Content-Type", "text/plain", "Transfer-Encoding", "chunked"), "zz\r\nhello\r\n0\r\n\r\n"));
            assertNoObject(type, badChunks, "PUT", chunks);
        }
    }

    @Test
    void oversizedHeadersAndMetadataAreClientErrors() throws IOException {
        for (ServerType type : ServerType.values()) {
            String meta = switch (type) {
                case ACCOUNT -> "X-Account-Meta-";
                case CONTAINER -> "X-Container-Meta-";
                default -> "X-Object-Meta-";
            };
            List<List<String>> headerSets = new ArrayList<>();
            headerSets.add(List.of(meta + "Big", "v".repeat(300_000)));
            headerSets.add(List.of("X-Huge", "v".repeat(100_000)));
            headerSets.add(List.of(meta + "k".repeat(200), "v"));
            headerSets.add(List.of(meta + "Long", "v".repeat(300)));
            List<String> many = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                many.add(meta + "K" + i);
                many.add("v".repeat(100));
            }
            headerSets.add(many);
            List<String> lots = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                lots.add("X-Junk-" + i);
                lots.add("x");
            }
            headerSets.add(lots);
            for (List<String> extra : headerSets) {
                for (String method : List.of("PUT", "POST")) {
                    String path = PATHS.get(type) + (type == ServerType.OBJECT ? names.incrementAndGet() : "");
                    List<String> headers = new ArrayList<>(List.of("X-Timestamp", ts(), "Content-Type", "text/plain",
                            "Content-Length", "0"));
                    headers.addAll(extra);
                    Wire.Reply reply = check(type, request(method, path, headers));
                    assertNoObject(type, path, method, reply);
                }
            }
        }
    }

    @Test
    void absurdRangesAreNeverServerErrors() throws IOException {
        List<String> ranges = new ArrayList<>(List.of("bytes=99999999999999999999999-", "bytes=-99999999999999999999999",
                "bytes=-", "bytes=", "bytes=5-1", "bytes=a-b", "bytes=--1", "bytes=0-0,-0", "items=0-1", "bytes=-0",
                "bytes=9223372036854775807-9223372036854775807", "bytes=0-9223372036854775807",
                "bytes=1-2,,,,3-4"));
        StringBuilder many = new StringBuilder("bytes=");
        for (int i = 0; i < 500; i++) {
            many.append(i == 0 ? "" : ",").append(i % 10).append('-').append(i % 10);
        }
        ranges.add(many.toString());
        for (String range : ranges) {
            for (String method : List.of("GET", "HEAD")) {
                check(ServerType.OBJECT, request(method, "/d1/0/a/c/o", List.of("Range", range)));
            }
        }
    }

    @Test
    void badListingParametersAreClientErrors() throws IOException {
        List<String> queries = List.of("limit=-1", "limit=abc", "limit=99999999999999999999", "limit=100000",
                "marker=%FF", "marker=%00", "end_marker=%C3%28", "prefix=%FF", "prefix=%00", "delimiter=ab",
                "delimiter=%FF", "delimiter=%00", "format=xyz", "format=", "reverse=maybe", "path=%FF",
                "states=bogus", "includes=%FF", "marker=" + "m".repeat(5000), "%ZZ=1", "limit", "=",
                "format=json&format=xml", "marker=%");
        for (ServerType type : List.of(ServerType.ACCOUNT, ServerType.CONTAINER)) {
            for (String query : queries) {
                check(type, request("GET", PATHS.get(type) + "?" + query, List.of()));
            }
        }
    }

    @Test
    void unknownMethodsAreClientErrors() throws IOException {
        List<String> methods = List.of("FOO", "TRACE", "PATCH", "REPLICATE", "SSYNC", "UPDATE", "MERGE", "get",
                "OPTIONS", "PROPFIND", "X".repeat(200));
        for (ServerType type : ServerType.values()) {
            for (String method : methods) {
                check(type, request(method, PATHS.get(type), List.of("X-Timestamp", ts(), "Content-Length", "0")));
            }
        }
    }

    @Test
    void hugeAndMalformedRequestLinesAreClientErrors() throws IOException {
        for (ServerType type : ServerType.values()) {
            String base = PATHS.get(type);
            check(type, Wire.bytes("GET " + base + "/" + "x".repeat(20 * 1024) + " HTTP/1.1\r\nHost: h\r\n"
                    + "Connection: close\r\n\r\n"));
            check(type, Wire.bytes("GET " + base + "?" + "q".repeat(20 * 1024) + " HTTP/1.1\r\nHost: h\r\n"
                    + "Connection: close\r\n\r\n"));
            check(type, Wire.bytes("GET " + base + "\r\n\r\n"));
            check(type, Wire.bytes("GET " + base + " HTTP/9.9\r\nConnection: close\r\n\r\n"));
            check(type, Wire.bytes("GET  HTTP/1.1\r\nConnection: close\r\n\r\n"));
            check(type, Wire.bytes("\u0000\u0001\u0002garbage\r\n\r\n"));
            check(type, Wire.bytes("GET " + base + " HTTP/1.1\r\nBad Header Line\r\nConnection: close\r\n\r\n"));
            check(type, Wire.bytes("GET " + base + " HTTP/1.1\r\nX-Timestamp: 1\r\n bad-fold\r\n"
                    + "Connection: close\r\n\r\n"));
        }
    }

    @Test
    void putCutOffMidBodyLeavesNoObject() throws IOException {
        for (int round = 0; round < 5; round++) {
            String path = "/d1/0/a/c/cut" + names.incrementAndGet();
            byte[] head = Wire.bytes("PUT " + path + " HTTP/1.1\r\nHost: h\r\nX-Timestamp: " + ts()
                    + "\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n" + "x".repeat(1000 * round));
            Wire.Reply reply = Wire.send(servers.port(ServerType.OBJECT), head, true);
            record(ServerType.OBJECT, "PUT cut off after " + 1000 * round + " bytes", reply, true);
            healthy(ServerType.OBJECT);
            assertNoObject(ServerType.OBJECT, path, "PUT", reply);
            byte[] chunked = Wire.bytes("PUT " + path + "c HTTP/1.1\r\nHost: h\r\nX-Timestamp: " + ts()
                    + "\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n3e8\r\n" + "x".repeat(400));
            Wire.Reply cut = Wire.send(servers.port(ServerType.OBJECT), chunked, true);
            record(ServerType.OBJECT, "chunked PUT cut off", cut, true);
            healthy(ServerType.OBJECT);
            assertNoObject(ServerType.OBJECT, path + "c", "PUT", cut);
        }
        assertThat(sent.get()).isPositive();
    }

    // ---------------------------------------------------------------------------------------

    private Wire.Reply check(ServerType type, byte[] request) throws IOException {
        Wire.Reply reply = Wire.send(servers.port(type), request, false);
        String label = new String(request, 0, Math.min(request.length, 160), StandardCharsets.ISO_8859_1)
                .split("\r\n")[0];
        record(type, label, reply, false);
        healthy(type);
        return reply;
    }

    private void record(ServerType type, String label, Wire.Reply reply, boolean closeAllowed) {
        sent.incrementAndGet();
        int status = reply.status();
        statuses.merge(status, 1, Integer::sum);
        boolean ok = status >= 400 && status < 500 || status == 507
                || status >= 200 && status < 300 || status == 304 || status == 0 && closeAllowed;
        if (status == 0 && !closeAllowed) {
            // Netty may close without a word on bytes that are not HTTP at all; Swift's eventlet
            // answers 400. A close is not a 500, but say so.
            System.out.println("[bad-input] " + type + " closed without answer: " + label);
            return;
        }
        if (!ok) {
            failures.add(type + " " + status + " for " + label + " -> " + reply.firstLine());
        }
    }

    private void healthy(ServerType type) throws IOException {
        Wire.Reply reply = Wire.send(servers.port(type),
                Wire.bytes("GET /healthcheck HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n"), false);
        if (reply.status() != 200) {
            failures.add(type + " /healthcheck answered " + reply.firstLine());
        }
    }

    /** After an object PUT that was not accepted, a GET of the name finds nothing. */
    private void assertNoObject(ServerType type, String path, String method, Wire.Reply put) throws IOException {
        if (type != ServerType.OBJECT || !method.equals("PUT") || put.status() / 100 == 2) {
            return;
        }
        Wire.Reply get = Wire.send(servers.port(type), request("GET", path, List.of()), false);
        if (get.status() == 200 || get.status() == 206) {
            failures.add("object visible after " + put.firstLine() + " to " + method + " " + path.substring(0,
                    Math.min(80, path.length())) + ": " + get.firstLine());
        }
    }

    private void expect(ServerType type, byte[] request, int... statuses) throws IOException {
        Wire.Reply reply = Wire.send(servers.port(type), request, false);
        assertThat(reply.status()).as(reply.text()).isIn((Object[]) box(statuses));
    }

    private static Integer[] box(int[] values) {
        Integer[] boxed = new Integer[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }

    private byte[] put(String path, String body) {
        return request("PUT", path, List.of("X-Timestamp", ts(), "Content-Type", "text/plain",
                "Content-Length", String.valueOf(body.length())), body);
    }

    private static byte[] request(String method, String path, String... headers) {
        return request(method, path, List.of(headers));
    }

    private static byte[] request(String method, String path, List<String> headers) {
        return request(method, path, headers, "");
    }

    private static byte[] request(String method, String path, List<String> headers, String body) {
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        head.append("Host: 127.0.0.1\r\nConnection: close\r\n");
        for (int i = 0; i + 1 < headers.size(); i += 2) {
            head.append(headers.get(i)).append(": ").append(headers.get(i + 1)).append("\r\n");
        }
        return Wire.bytes(head.append("\r\n").append(body).toString());
    }

    private static final AtomicInteger TICK = new AtomicInteger();

    private static String ts() {
        long now = System.currentTimeMillis() / 1000;
        return now + "." + String.format("%05d", TICK.incrementAndGet() % 100_000);
    }
}
