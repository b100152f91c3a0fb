package io.ringway.storage.object;

import io.ringway.testing.MutableClock;
import io.ringway.storage.node.DeviceRoot;
import io.ringway.swift.HashPath;
import io.ringway.swift.Timestamp;
import io.ringway.testing.http.RawConnection;
import io.ringway.testing.http.RawHttpClient;
import io.ringway.testing.http.RawRequest;
import io.ringway.testing.http.RawResponse;
import io.ringway.testing.storage.TestNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;

/**
 * An object server on a real port over a devices directory with one device, {@code sda1}.
 * Either started at once over a given directory (and closed by the test), or registered with
 * {@code @RegisterExtension final ObjectServerFixture fixture = ObjectServerFixture.perTest();}:
 * then each test gets it over a fresh temporary directory, closed and deleted afterwards.
 */
final class ObjectServerFixture implements AutoCloseable, BeforeEachCallback, AfterEachCallback {

    static final HashPath HASH_PATH = TestNode.HASH_PATH;
    private static final ObjectServerSettings DEFAULTS = ObjectServerSettings.defaults().withFallocateReserve("0");

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T00:00:00Z"));
    private final ObjectServerSettings settings;
    Path devices;
    DisposableServer server;
    DeviceRoot deviceRoot;
    private long tick;

    ObjectServerFixture(Path devices, ObjectServerSettings settings) {
        this.settings = settings;
        start(devices);
    }

    ObjectServerFixture(Path devices) {
        this(devices, DEFAULTS);
    }

    /** Not started: started by {@link #beforeEach}. */
    private ObjectServerFixture(ObjectServerSettings settings) {
        this.settings = settings;
    }

    /** A fixture over a fresh temporary directory for each test, with fallocate_reserve 0. */
    static ObjectServerFixture perTest() {
        return new ObjectServerFixture(DEFAULTS);
    }

    /** A fixture over a fresh temporary directory for each test. */
    static ObjectServerFixture perTest(ObjectServerSettings settings) {
        return new ObjectServerFixture(settings);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        start(Files.createTempDirectory("ringway-object-server"));
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        close();
        TestNode.deleteRecursively(devices);
    }

    int port() {
        return server.port();
    }

    /** A fresh timestamp, later than any before, near the fixture's clock. */
    String nextTimestamp() {
        tick++;
        return new Timestamp(clock.millis() * 100 + tick, 0).normal();
    }

    RawResponse put(String path, String body, String... headers) throws IOException {
        Map<String, String> all = headers(headers);
        all.putIfAbsent("X-Timestamp", nextTimestamp());
        all.putIfAbsent("Content-Type", "text/plain");
        return exchange(port(), "PUT", path, all, body.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A PUT of {@code path} with a fresh {@code X-Timestamp} and {@code Content-Type: text/plain}, no body yet. */
    RawRequest newPut(String path) {
        return RawRequest.of("PUT", path).headers("X-Timestamp", nextTimestamp(), "Content-Type", "text/plain");
    }

    /** Sends the request as its mode says (chunked, {@code Expect: 100-continue}...) and reads the answer. */
    RawResponse exchange(RawRequest request) throws IOException {
        return RawHttpClient.local(port()).exchange(request);
    }

    /**
     * A PUT declaring 10 bytes that sends 5, half-closes the connection and waits until the
     * server closes its side: a client gone mid-body.
     */
    void sendHalfAndHangUp(String path) throws IOException {
        try (RawConnection connection = RawHttpClient.local(port()).open()) {
            connection.sendHead(newPut(path).header("Content-Length", "10"));
            connection.send("hello".getBytes(StandardCharsets.US_ASCII));
            connection.shutdownOutput();
            connection.closedByServer();
        }
    }

    RawResponse request(String method, String path, String... headers) throws IOException {
        return exchange(port(), method, path, headers(headers), null);
    }

    /** One request, with {@code Content-Length} from the body unless the headers frame it. */
    static RawResponse exchange(int port, String method, String path, Map<String, String> headers,
            byte @Nullable [] body) throws IOException {
        RawRequest request = RawRequest.of(method, path);
        for (Map.Entry<String, String> header : headers.entrySet()) {
            request = request.header(header.getKey(), header.getValue());
        }
        if (body != null) {
            boolean framed = headers.keySet().stream()
                    .anyMatch(k -> k.equalsIgnoreCase("Content-Length") || k.equalsIgnoreCase("Transfer-Encoding"));
            request = (framed ? request : request.header("Content-Length", Integer.toString(body.length)))
                    .rawBody(body);
        }
        return RawHttpClient.local(port).exchange(request);
    }

    /** The names of the files in the hash directory of {@code /account/container/object}, sorted. */
    List<String> filesOf(String account, String container, String object) throws IOException {
        String hash = HASH_PATH.hex(account, container, object);
        return filesUnder("objects").stream()
                .filter(file -> file.getParent().getFileName().toString().equals(hash))
                .map(file -> file.getFileName().toString())
                .sorted()
                .toList();
    }

    /** Every regular file under the device's {@code tmp} directory. */
    List<Path> tempFiles() throws IOException {
        Path tmp = devices.resolve("sda1/tmp");
        if (!Files.isDirectory(tmp)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(tmp)) {
            return files.toList();
        }
    }

    /** Every file under {@code dir} relative to the device, recursively. */
    List<Path> filesUnder(String dir) throws IOException {
        Path root = devices.resolve("sda1").resolve(dir);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    static Map<String, String> headers(String... pairs) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            headers.put(pairs[i], pairs[i + 1]);
        }
        return headers;
    }

    @Override
    public void close() {
        server.disposeNow();
    }

    private void start(Path root) {
        devices = root;
        deviceRoot = TestNode.devices(root);
        ObjectServer objectServer = new ObjectServer(deviceRoot, HASH_PATH, settings, clock, HttpClient.create(),
                Set.of(0, 1, 2));
        server = TestNode.start(objectServer, deviceRoot, clock);
    }
}
