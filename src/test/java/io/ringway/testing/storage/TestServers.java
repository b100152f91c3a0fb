package io.ringway.testing.storage;

import static java.util.Objects.requireNonNull;

import io.ringway.storage.node.BackendServer;
import io.ringway.storage.node.DeviceRoot;
import io.ringway.testing.http.RawHttpClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import reactor.netty.DisposableServer;

/**
 * A JUnit extension for tests of the storage node's servers: before each test, devices
 * ({@code sda1}) in a fresh temporary directory; {@link #serve(BackendServer)} runs a server on a
 * free loopback port behind the node's handler; after the test every server is disposed and
 * the directory deleted. Register it as an instance field:
 * {@code @RegisterExtension final TestServers node = TestServers.serving(devices -> new
 * AccountServer(devices, ...));}, then {@code node.client()} talks to that server.
 */
public final class TestServers implements BeforeEachCallback, AfterEachCallback {

    private final List<DisposableServer> servers = new ArrayList<>();
    private final @Nullable Function<DeviceRoot, BackendServer> first;
    private @Nullable RawHttpClient client;
    private @Nullable Path root;
    private @Nullable DeviceRoot devices;

    /** Servers are started by the test ({@link #serve(BackendServer)}). */
    public TestServers() {
        this.first = null;
    }

    private TestServers(Function<DeviceRoot, BackendServer> first) {
        this.first = requireNonNull(first, "first");
    }

    /** Before each test, also serves the server {@code factory} builds on the test's devices. */
    public static TestServers serving(Function<DeviceRoot, BackendServer> factory) {
        return new TestServers(factory);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        root = Files.createTempDirectory("ringway-test-node");
        devices = TestNode.devices(root);
        if (first != null) {
            client = serve(first.apply(devices));
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        servers.forEach(DisposableServer::disposeNow);
        servers.clear();
        client = null;
        if (root != null) {
            TestNode.deleteRecursively(root);
        }
    }

    /** The client of the server given to {@link #serving(Function)}. */
    public RawHttpClient client() {
        if (client == null) {
            throw new IllegalStateException("no server: use TestServers.serving(...), registered with @RegisterExtension");
        }
        return client;
    }

    /** The devices directory of the current test. */
    public DeviceRoot devices() {
        if (devices == null) {
            throw new IllegalStateException("no test running: register TestServers with @RegisterExtension");
        }
        return devices;
    }

    /** Serves {@code server} on a free port until the test ends; its client. */
    public RawHttpClient serve(BackendServer server) {
        return serve(server, 0);
    }

    /** Serves {@code server} on {@code port} (0: a free one) until the test ends; its client. */
    public RawHttpClient serve(BackendServer server, int port) {
        DisposableServer bound = TestNode.start(server, devices(), TestNode.CLOCK, port);
        servers.add(bound);
        return RawHttpClient.local(bound.port());
    }

    @Override
    public String toString() {
        return "TestServers " + root;
    }
}
