package io.ringway.storage.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.storage.account.AccountServer;
import io.ringway.storage.account.AccountSettings;
import io.ringway.storage.db.RawHttp;
import io.ringway.storage.db.TestNode;
import io.ringway.storage.node.DeviceRoot;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;

/**
 * Sends the same requests to Debian's swift-container-server and swift-account-server 2.30.1
 * and to ours, and compares status, headers and body. Runs only when pointed at real servers
 * (devices {@code sda1}, {@code /etc/swift/swift.conf} with policy 0 only), for example:
 * {@code ./mvnw -o -q test -Dtest=ContainerAccountRealSwiftTests
 * -Dringway.swift.container=127.0.0.1:16201 -Dringway.swift.account=127.0.0.1:16202}.
 */
@EnabledIfSystemProperty(named = "ringway.swift.container", matches = ".+:\\d+")
final class ContainerAccountRealSwiftTests {

    /**
     * Headers that differ by nature: creation times (now), dates, framing. Swift also sends
     * {@code Content-Length: 0} on 204s and HEADs, where Netty leaves it out (RFC 9110 forbids
     * it on 204; neither frames a body); everywhere else the lengths are compared.
     */
    private static final Set<String> IGNORED = Set.of("date", "x-timestamp", "x-backend-timestamp", "connection",
            "transfer-encoding");

    @TempDir
    Path root;

    private DisposableServer ourContainers;
    private DisposableServer ourAccounts;
    private final List<String> differences = new ArrayList<>();

    @BeforeEach
    void start() {
        DeviceRoot devices = TestNode.devices(root);
        ourContainers = TestNode.start(new ContainerServer(devices, TestNode.HASH_PATH, ContainerSettings.defaults(),
                Clock.systemUTC(), HttpClient.create()), devices);
        ourAccounts = TestNode.start(new AccountServer(devices, TestNode.HASH_PATH, AccountSettings.defaults(),
                Clock.systemUTC(), Map.of(0, "Policy-0")), devices);
    }

    @AfterEach
    void stop() {
        ourContainers.disposeNow();
        ourAccounts.disposeNow();
    }

    @Test
    void answersAsRealSwiftServersDo() {
        String realContainer = System.getProperty("ringway.swift.container");
        String realAccount = System.getProperty("ringway.swift.account");
        Side real = new Side(new RawHttp(port(realContainer)), new RawHttp(port(realAccount)), realAccount);
        Side ours = new Side(new RawHttp(ourContainers.port()), new RawHttp(ourAccounts.port()),
                "127.0.0.1:" + ourAccounts.port());
        String a = "cmp" + System.nanoTime();
        String acc = "/sda1/3/" + a;
        String c = "/sda1/1/" + a + "/c";

        account(real, ours, "PUT", acc, "X-Timestamp", "1700000000.00000", "X-Account-Meta-Color", "red");
        both(real, ours, "PUT", c, true, "X-Timestamp", "1700000000.00000", "X-Container-Meta-Color", "red",
                "X-Container-Read", ".r:*", "X-Backend-Storage-Policy-Index", "0");
        both(real, ours, "PUT", c, true, "X-Timestamp", "1700000001.00000");
        both(real, ours, "HEAD", c, false);
        both(real, ours, "GET", c, false);
        both(real, ours, "GET", c + "?format=json", false);
        both(real, ours, "GET", c + "?format=xml", false);
        for (String name : List.of("a", "b/c", "b/d", "c", "%C3%A9", "d%26%3C", "e")) {
            both(real, ours, "PUT", c + "/" + name, false, "X-Timestamp", "1700000002.12345", "X-Size", "5",
                    "X-Content-Type", name.equals("e") ? "text/plain;swift_bytes=99" : "text/plain",
                    "X-Etag", "d41d8cd98f00b204e9800998ecf8427e", "X-Backend-Storage-Policy-Index", "0");
        }
        both(real, ours, "PUT", c + "/a", false, "X-Timestamp", "1700000001.00000", "X-Size", "9",
                "X-Content-Type", "x/y", "X-Etag", "x");
        // An object POST that changed the content type, as object servers report it.
        both(real, ours, "PUT", c + "/c", false, "X-Timestamp", "1700000002.12345", "X-Size", "5",
                "X-Content-Type", "image/png; charset=x", "X-Etag", "d41d8cd98f00b204e9800998ecf8427e",
                "X-Content-Type-Timestamp", "1700000002.50000", "X-Meta-Timestamp", "1700000002.75000");
        for (String query : List.of("", "?format=json", "?format=xml", "?format=json&delimiter=/",
                "?format=xml&delimiter=/", "?delimiter=/&reverse=true", "?prefix=b/", "?path=b", "?marker=b/c",
                "?end_marker=c&marker=a", "?limit=2&delimiter=/", "?reverse=1&marker=c&end_marker=a",
                "?prefix=x&format=json", "?delimiter=/&marker=b/", "?limit=abc")) {
            both(real, ours, "GET", c + query, false);
        }
        both(real, ours, "GET", c, false, "Accept", "application/json");
        both(real, ours, "GET", c, false, "Accept", "text/xml;q=0.9, application/json;q=0.5");
        both(real, ours, "POST", c, false, "X-Timestamp", "1700000003.00000", "X-Container-Meta-Color", "",
                "X-Container-Sysmeta-S", "1");
        both(real, ours, "HEAD", c, false);
        String expirer = "/sda1/1/.expiring_objects" + a + "/1700000000";
        String rows = "[{\"name\": \"seg\", \"created_at\": \"1700000001.00000\", \"size\": 0, "
                + "\"content_type\": \"application/async-deleted\", \"etag\": \"x\", \"deleted\": 0, "
                + "\"storage_policy_index\": 0}]";
        compare("UPDATE " + expirer, real.containers().sendWithBody("UPDATE", expirer, rows, "X-Timestamp", "1",
                "X-Backend-Storage-Policy-Index", "0"), ours.containers().sendWithBody("UPDATE", expirer, rows,
                "X-Timestamp", "1", "X-Backend-Storage-Policy-Index", "0"));
        both(real, ours, "GET", expirer + "?format=json", false);
        // Bad input.
        both(real, ours, "PUT", c, false);
        both(real, ours, "PUT", c, false, "X-Timestamp", "abc");
        both(real, ours, "GET", c + "?limit=10001", false);
        both(real, ours, "GET", c + "?marker=%FF", false);
        both(real, ours, "GET", c + "%FF", false);
        both(real, ours, "GET", c, false, "Accept", "bogus");
        both(real, ours, "GET", c, false, "Accept", "image/png");
        both(real, ours, "GET", "/sda1/1/" + a, false);
        both(real, ours, "POST", c + "/o", false, "X-Timestamp", "1");
        both(real, ours, "GET", "/sdz/1/" + a + "/c", false);
        both(real, ours, "GET", "/sda1/1/" + a + "/c%00x", false);
        both(real, ours, "PUT", c + "/%00o", false, "X-Timestamp", "1", "X-Size", "1", "X-Content-Type", "a/b",
                "X-Etag", "e");
        both(real, ours, "PUT", "/sda1/1/" + a + "/%00c/o", false, "X-Timestamp", "1", "X-Size", "1",
                "X-Content-Type", "a/b", "X-Etag", "e");
        account(real, ours, "HEAD", acc + "%00");
        both(real, ours, "POST", c, false, "X-Timestamp", "1700000004.00000", "X-Container-Sync-To",
                "http://example.com/v1/a/c");
        both(real, ours, "PUT", c, false, "X-Timestamp", "1700000004.00000", "X-Container-Sync-To", "ftp://x/y");
        both(real, ours, "POST", c, false, "X-Timestamp", "1700000004.00000", "X-Container-Sync-To",
                "http://127.0.0.1/v1/a/c2", "X-Container-Sync-Key", "k");
        both(real, ours, "HEAD", c, false);
        both(real, ours, "POST", c, false, "X-Timestamp", "1700000004.00000", "X-Container-Meta-Big", "v".repeat(4100));
        // Deletion.
        both(real, ours, "DELETE", c, true, "X-Timestamp", "1700000005.00000");
        for (String name : List.of("a", "b/c", "b/d", "c", "%C3%A9", "d%26%3C", "e")) {
            both(real, ours, "DELETE", c + "/" + name, false, "X-Timestamp", "1700000006.00000");
        }
        both(real, ours, "HEAD", c, false);
        both(real, ours, "DELETE", c, true, "X-Timestamp", "1700000007.00000");
        both(real, ours, "HEAD", c, false);
        both(real, ours, "GET", c + "?format=json", false);
        both(real, ours, "DELETE", c, true, "X-Timestamp", "1700000008.00000");
        both(real, ours, "POST", c, false, "X-Timestamp", "1700000008.00000");
        both(real, ours, "GET", "/sda1/1/" + a + "/never", false);
        both(real, ours, "PUT", "/sda1/1/" + a + "/d", true, "X-Timestamp", "1700000009.00000");
        // The account side, as the container servers left it.
        for (String query : List.of("", "?format=json", "?format=xml", "?delimiter=c&format=json", "?reverse=on")) {
            account(real, ours, "GET", acc + query);
        }
        account(real, ours, "HEAD", acc);
        account(real, ours, "POST", acc, "X-Timestamp", "1700000010.00000", "X-Account-Meta-Color", "blue");
        account(real, ours, "HEAD", acc);
        account(real, ours, "DELETE", acc, "X-Timestamp", "1700000011.00000");
        account(real, ours, "HEAD", acc);
        account(real, ours, "GET", acc);
        account(real, ours, "PUT", acc, "X-Timestamp", "1700000012.00000");
        account(real, ours, "DELETE", acc);
        account(real, ours, "HEAD", "/sda1/3/never" + a);
        account(real, ours, "PUT", "/sda1/3/never" + a + "/c", "X-Put-Timestamp", "1", "X-Delete-Timestamp", "0",
                "X-Object-Count", "0", "X-Bytes-Used", "0");

        assertThat(differences).isEmpty();
    }

    private record Side(RawHttp containers, RawHttp accounts, String accountHost) {
    }

    private void both(Side real, Side ours, String method, String path, boolean withAccount, String... headers) {
        compare(method + " " + path, real.containers().send(method, path, accountHeaders(real, withAccount, headers)),
                ours.containers().send(method, path, accountHeaders(ours, withAccount, headers)));
    }

    private void account(Side real, Side ours, String method, String path, String... headers) {
        compare(method + " " + path, real.accounts().send(method, path, headers),
                ours.accounts().send(method, path, headers));
    }

    private static String[] accountHeaders(Side side, boolean withAccount, String[] headers) {
        if (!withAccount) {
            return headers;
        }
        List<String> all = new ArrayList<>(List.of(headers));
        all.addAll(List.of("X-Account-Host", side.accountHost(), "X-Account-Device", "sda1",
                "X-Account-Partition", "3"));
        return all.toArray(String[]::new);
    }

    private void compare(String request, RawHttp.Response real, RawHttp.Response ours) {
        if (real.status() != ours.status()) {
            differences.add(request + ": status " + real.status() + " vs ours " + ours.status());
        }
        Map<String, String> realHeaders = comparable(real.headers());
        Map<String, String> ourHeaders = comparable(ours.headers());
        if (real.status() == 204 || request.startsWith("HEAD ")) {
            realHeaders.remove("content-length");
            ourHeaders.remove("content-length");
        }
        if (!realHeaders.equals(ourHeaders)) {
            differences.add(request + ": headers\n  real " + realHeaders + "\n  ours " + ourHeaders);
        }
        if (!real.body().equals(ours.body()) && !(real.status() == 500 && ours.status() == 500)) {
            differences.add(request + ": body\n  real " + real.body() + "\n  ours " + ours.body());
        }
    }

    private static Map<String, String> comparable(Map<String, String> headers) {
        Map<String, String> kept = new TreeMap<>();
        headers.forEach((name, value) -> {
            if (!IGNORED.contains(name.toLowerCase(Locale.ROOT))) {
                kept.put(name.toLowerCase(Locale.ROOT), value);
            }
        });
        return kept;
    }

    private static int port(String hostPort) {
        return Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
    }
}
