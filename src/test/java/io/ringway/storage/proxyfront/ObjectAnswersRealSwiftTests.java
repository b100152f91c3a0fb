package io.ringway.storage.proxyfront;

import io.ringway.ring.Node;
import io.ringway.ring.Ring;
import io.ringway.ring.Rings;
import io.ringway.storage.conformance.RealSwiftStorage;
import io.ringway.swift.Timestamp;
import io.ringway.testing.RingwayApps;
import io.ringway.testing.http.RawHttpClient;
import io.ringway.testing.http.RawRequest;
import io.ringway.testing.http.RawResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Ringway's object API against Swift 2.30.1's own proxy, request by request: the same requests go
 * to Debian's {@code swift-proxy-server} (over Ringway's storage node) and to the booted gateway
 * (over its embedded node), and the answers must match in status, header names and values
 * (dates, ids and timestamps masked) and body. COPY and OPTIONS are left out: Swift's come from
 * its copy middleware and CORS handling, which the gateway does not have yet.
 */
class ObjectAnswersRealSwiftTests {

    @TempDir
    Path base;

    @TempDir
    Path data;

    @Test
    void objectRequestsAnswerAsSwiftsProxyDoes() throws Exception {
        RealSwiftStorage.requireTierEnabled("Ringway's object API compared with Swift's proxy");
        List<RawRequest> requests = new ArrayList<>();
        String b = "/v1/AUTH_test/cmp/";
        requests.add(RawRequest.of("PUT", b + "a.txt").body("hello world").header("X-Object-Meta-Color", "blue"));
        requests.add(RawRequest.of("GET", b + "a.txt"));
        requests.add(RawRequest.of("HEAD", b + "a.txt"));
        requests.add(RawRequest.of("GET", b + "a.txt").header("Range", "bytes=1-3"));
        requests.add(RawRequest.of("GET", b + "a.txt").header("Range", "bytes=0-1,-2"));
        requests.add(RawRequest.of("GET", b + "a.txt").header("Range", "bytes=50-60"));
        requests.add(RawRequest.of("GET", b + "a.txt").header("If-None-Match", "5eb63bbbe01eeed093cb22bb8f5acdc3"));
        requests.add(RawRequest.of("HEAD", b + "a.txt").header("If-None-Match", "5eb63bbbe01eeed093cb22bb8f5acdc3"));
        requests.add(RawRequest.of("GET", b + "a.txt").header("If-Match", "nope"));
        requests.add(RawRequest.of("HEAD", b + "a.txt").header("If-Match", "nope"));
        requests.add(RawRequest.of("GET", b + "missing"));
        requests.add(RawRequest.of("HEAD", b + "missing"));
        requests.add(RawRequest.of("POST", b + "a.txt").header("X-Object-Meta-New", "1"));
        requests.add(RawRequest.of("POST", b + "missing").header("X-Object-Meta-New", "1"));
        requests.add(RawRequest.of("PUT", b + "x.gz").body("x"));
        requests.add(RawRequest.of("HEAD", b + "x.gz"));
        requests.add(RawRequest.of("PUT", b + "a.txt").body("x").header("If-None-Match", "*"));
        requests.add(RawRequest.of("PUT", b + "e").body("x").header("ETag", "0123456789abcdef0123456789abcdef"));
        requests.add(RawRequest.of("PUT", b + "nolen"));
        requests.add(RawRequest.of("PUT", b + "d").body("x").header("X-Delete-After", "-1"));
        requests.add(RawRequest.of("PUT", b + "d").body("x").header("If-None-Match", "abc"));
        requests.add(RawRequest.of("PUT", "/v1/AUTH_test/nocontainer/o").body("x"));
        requests.add(RawRequest.of("GET", "/v1/AUTH_test/nocontainer/o"));
        requests.add(RawRequest.of("HEAD", "/v1/AUTH_test/nocontainer/o"));
        requests.add(RawRequest.of("DELETE", "/v1/AUTH_test/nocontainer/o"));
        requests.add(RawRequest.of("PUT", b + "chunked.txt").chunked("ab", "cd"));
        requests.add(RawRequest.of("GET", b + "chunked.txt"));
        requests.add(RawRequest.of("PUT", b + "continue.txt").body("abc").expectContinue());
        requests.add(RawRequest.of("PUT", b + "detect.json").body("{}").header("Content-Type", "text/plain")
                .header("X-Detect-Content-Type", "true"));
        requests.add(RawRequest.of("HEAD", b + "detect.json"));
        requests.add(RawRequest.of("PUT", b + "sp%20ace%E2%9C%93.txt").body("unicode"));
        requests.add(RawRequest.of("GET", b + "sp%20ace%E2%9C%93.txt"));
        requests.add(RawRequest.of("GET", b + "a.txt").header("X-Newest", "true"));
        requests.add(RawRequest.of("GET", b + "a.txt").header("Range", "bytes=abc"));
        requests.add(RawRequest.of("HEAD", b + "a.txt").header("If-Modified-Since", "Thu, 01 Jan 2037 00:00:00 GMT"));
        requests.add(RawRequest.of("GET", b + "a.txt").header("If-Unmodified-Since", "Thu, 01 Jan 2015 00:00:00 GMT"));
        requests.add(RawRequest.of("POST", b + "a.txt").header("X-Delete-After", "3600"));
        requests.add(RawRequest.of("HEAD", b + "a.txt"));
        requests.add(RawRequest.of("POST", b + "a.txt").header("X-Delete-At", "later"));
        requests.add(RawRequest.of("PUT", b + "m").body("x").header("X-Object-Meta-" + "k".repeat(129), "v"));
        requests.add(RawRequest.of("PUT", b + "t").body("x").header("Content-Type", "text/plain;swift_bytes=3"));
        requests.add(RawRequest.of("PUT", b + "n".repeat(1025)).body("x"));
        requests.add(RawRequest.of("DELETE", b + "chunked.txt").header("X-If-Delete-At", "1234567890"));
        requests.add(RawRequest.of("DELETE", b + "a.txt"));
        requests.add(RawRequest.of("DELETE", b + "a.txt"));

        List<String> real = new ArrayList<>();
        try (ProxyFrontCluster cluster = ProxyFrontCluster.start(base)) {
            ProxyHttp login = ProxyHttp.login(cluster.authUrl(), ProxyServerConf.USER, ProxyServerConf.KEY);
            login.request("PUT", "/cmp");
            String token = login.token();
            RawHttpClient raw = RawHttpClient.local(cluster.proxyPort());
            for (RawRequest r : requests) {
                real.add(show(r, raw.send(r.header("X-Auth-Token", token))));
            }
        }
        List<String> ours = new ArrayList<>();
        ConfigurableApplicationContext app = RingwayApps.start(data, WebApplicationType.REACTIVE,
                "--ringway.pipeline=catch_errors,gatekeeper,healthcheck,proxy_logging,cache");
        try {
            create(app.getBean(Rings.class).account(), "AUTH_test", null);
            create(app.getBean(Rings.class).container(), "AUTH_test", "cmp");
            RawHttpClient raw = RawHttpClient.local(((WebServerApplicationContext) app).getWebServer().getPort());
            for (RawRequest r : requests) {
                ours.add(show(r, raw.send(r)));
            }
        } finally {
            app.close();
        }
        SoftAssertions softly = new SoftAssertions();
        for (int i = 0; i < requests.size(); i++) {
            softly.assertThat(ours.get(i)).as(requests.get(i).describe()).isEqualTo(real.get(i));
        }
        softly.assertAll();
    }

    private static String show(RawRequest request, RawResponse response) {
        TreeMap<String, String> headers = new TreeMap<>();
        response.headerMap().forEach((k, v) -> {
            String key = k.toLowerCase();
            String value = switch (key) {
                // Reactor Netty drops Content-Length from a 204; Swift's eventlet sends "0".
                case "content-length" -> response.status() == 204 ? null : v;
                case "date", "x-trans-id", "x-openstack-request-id", "last-modified", "x-timestamp", "x-delete-at" -> "*";
                default -> v;
            };
            if (value == null) {
                return;
            }
            headers.put(key, value.startsWith("multipart/byteranges") ? "multipart/byteranges*" : value);
        });
        String body = response.text();
        if (body.contains("--")) {
            body = "(multipart " + body.length() + " chars)";
        }
        return response.interim() + " " + response.status() + " " + headers + " " + body;
    }

    private static void create(Ring ring, String account, String container) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        int partition = ring.partition(account, container, null);
        String timestamp = Timestamp.ofMillis(System.currentTimeMillis()).internal();
        for (Node node : ring.primaryNodes(partition)) {
            URI uri = URI.create("http://" + node.device().ip() + ":" + node.device().port() + "/"
                    + node.device().device() + "/" + partition + "/" + account + (container == null ? "" : "/" + container));
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).PUT(HttpRequest.BodyPublishers.noBody())
                    .header("X-Timestamp", timestamp);
            if (container != null) {
                request.header("X-Backend-Storage-Policy-Index", "0");
            }
            http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        }
    }
}
