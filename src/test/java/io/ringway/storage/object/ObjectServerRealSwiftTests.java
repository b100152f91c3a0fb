package io.ringway.storage.object;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ringway.storage.node.BackendHttpServer;
import io.ringway.storage.node.DeviceRoot;
import io.ringway.storage.node.NodeRecon;
import io.ringway.storage.node.StorageNodeHandler;
import io.ringway.swift.HashPath;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;

/**
 * Sends the same requests to Debian's {@code swift-object-server} 2.30.1 and to ours and compares
 * status, headers and body. Runs with {@code -Dringway.realSwift=true} (failsafe) where Swift's
 * packages are installed.
 */
@EnabledIfSystemProperty(named = "ringway.realSwift", matches = "true")
class ObjectServerRealSwiftTests {

    /** Headers that legitimately differ: per-response values, and connection handling. */
    private static final Set<String> IGNORED = Set.of("date", "connection");

    @TempDir
    Path work;
    private @Nullable Process swift;
    private @Nullable DisposableServer ours;
    private int swiftPort;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/swift-object-server")), "swift-object-server installed");
        Files.createDirectories(work.resolve("real/sda1"));
        Files.createDirectories(work.resolve("ours/sda1"));
        swiftPort = freePort();
        Path conf = work.resolve("object-server.conf");
        Files.writeString(conf, String.join("\n", "[DEFAULT]", "devices = " + work.resolve("real"),
                "mount_check = false", "bind_ip = 127.0.0.1", "bind_port = " + swiftPort, "workers = 0",
                "log_name = ringway-compare", "[pipeline:main]", "pipeline = object-server",
                "[app:object-server]", "use = egg:swift#object", ""));
        swift = new ProcessBuilder("swift-object-server", conf.toString())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("swift.log").toFile())
                .start();
        DeviceRoot devices = new DeviceRoot(work.resolve("ours"), false);
        ObjectServer server = new ObjectServer(devices, new HashPath("changeme", "changeme"),
                ObjectServerSettings.defaults().withFallocateReserve("0"), Clock.systemUTC(), HttpClient.create());
        ours = BackendHttpServer.bind(StorageNodeHandler.httpHandler(server, new NodeRecon(devices, Clock.systemUTC())),
                "127.0.0.1", 0);
        awaitListening(swiftPort);
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (ours != null) {
            ours.disposeNow();
        }
        if (swift != null) {
            swift.destroy();
            swift.waitFor();
        }
    }

    @Test
    void answersAsSwiftObjectServerDoes() throws IOException {
        long now = System.currentTimeMillis() / 1000;
        String t1 = (now - 100) + ".00000";
        String t2 = (now - 90) + ".00000";
        String t3 = (now - 80) + ".00000";
        String t4 = (now - 70) + ".00000";
        String o = "/sda1/0/a/c/o";
        List<Req> requests = new ArrayList<>(List.of(
                new Req("PUT", o, "0123456789", "X-Timestamp", t2, "Content-Type", "text/plain",
                        "X-Object-Meta-Color", "Blue", "x-object-meta-lower_case", "v", "Content-Encoding", "gzip",
                        "X-Object-Sysmeta-S", "s", "X-Delete-At", String.valueOf(now + 100_000)),
                new Req("GET", o, null),
                new Req("HEAD", o, null),
                new Req("GET", o, null, "Range", "bytes=1-3"),
                new Req("GET", o, null, "Range", "bytes=-2,0-0"),
                new Req("GET", o, null, "Range", "bytes=50-"),
                new Req("GET", o, null, "Range", "bytes=3-1"),
                new Req("GET", o, null, "If-None-Match", "\"781e5e245d69b566979b86e28d23f2c7\""),
                new Req("HEAD", o, null, "If-Match", "x"),
                new Req("PUT", o, "x", "X-Timestamp", t1, "Content-Type", "a/b"),
                new Req("POST", o, null, "X-Timestamp", t3, "X-Object-Meta-New", "n", "Content-Type", "text/new"),
                new Req("GET", o, null),
                new Req("POST", o, null, "X-Timestamp", t2),
                new Req("POST", o, null, "X-Timestamp", t4, "X-Delete-At", "100"),
                new Req("DELETE", o, null, "X-Timestamp", t1),
                new Req("DELETE", o, null, "X-Timestamp", t4, "X-If-Delete-At", "5"),
                new Req("DELETE", o, null, "X-Timestamp", t4),
                new Req("GET", o, null),
                new Req("HEAD", o, null),
                new Req("GET", o, null, "If-Match", "*"),
                new Req("POST", o, null, "X-Timestamp", t4),
                new Req("PUT", o + "2", "x", "X-Timestamp", t1, "Content-Type", "a/b", "ETag", "abc"),
                new Req("PUT", o + "2", "x", "X-Timestamp", t1, "Content-Type", "a/b", "X-Object-Meta-Big", "v".repeat(257)),
                new Req("PUT", o + "2", "x", "X-Timestamp", t1, "Content-Type", "a/b", "X-Delete-At", "12"),
                new Req("PUT", o + "2", "x", "X-Timestamp", t1, "Content-Type", "a/b", "X-Delete-At", "zz"),
                new Req("PUT", o + "2", "x", "Content-Type", "a/b"),
                new Req("PUT", o + "2", "x", "X-Timestamp", "nope", "Content-Type", "a/b"),
                new Req("PUT", o + "2", "x", "X-Timestamp", t1),
                new Req("PUT", "/sdz9/0/a/c/o", "x", "X-Timestamp", t1, "Content-Type", "a/b"),
                new Req("GET", "/sda1/0/a/c", null),
                new Req("GET", "/sda1/0/a/c/x%00y", null),
                new Req("OPTIONS", o, null),
                new Req("COPY", o, null)));
        List<String> differences = new ArrayList<>();
        for (Req request : requests) {
            String real = normalize(request.send(swiftPort));
            String mine = normalize(request.send(ours.port()));
            if (!real.equals(mine)) {
                differences.add(request + "\n--- swift-object-server\n" + real + "\n--- ours\n" + mine);
            }
        }
        assertThat(differences).isEmpty();
    }

    private static String normalize(RawHttp.Response response) {
        Map<String, String> headers = new TreeMap<>();
        response.headers().forEach((name, value) -> {
            if (!IGNORED.contains(name)) {
                headers.put(name, value.replaceAll("boundary=[0-9a-f]{32}", "boundary=B"));
            }
        });
        if (response.status() == 204) {
            headers.remove("content-length"); // Netty never sends one with a 204 (RFC 9110)
        }
        String body = response.text().replaceAll("--[0-9a-f]{32}", "--B");
        return response.status() + "\n" + headers + "\n" + body;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitListening(int port) throws InterruptedException {
        for (int attempt = 0; attempt < 150; attempt++) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("swift-object-server did not listen on " + port);
    }

    /** One request sent alike to both servers. */
    private record Req(String method, String path, @Nullable String body, String... headers) {

        RawHttp.Response send(int port) throws IOException {
            byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.ISO_8859_1);
            return RawHttp.exchange(port, method, path, ObjectServerFixture.headers(headers), bytes);
        }

        @Override
        public String toString() {
            return method + " " + path + " " + String.join(" ", headers).toLowerCase(Locale.ROOT);
        }
    }
}
