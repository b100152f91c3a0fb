package io.ringway.cluster;

import static java.util.Objects.requireNonNull;

import io.ringway.testing.RingwayApps;
import io.ringway.testing.storage.TestNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Ringway booted as a gateway alone over the cluster's swift dir ({@code ringway.role=gateway}, no
 * embedded node), with its default pipeline: tempauth's sample users include the real proxy's
 * {@code test:tester}, so one login code works on both. Swift 2.30's proxy defaults apply to both
 * proxies (conn_timeout, node_timeout, error limiting).
 */
final class RingwayFront implements AutoCloseable {

    private final Path data;
    private final ConfigurableApplicationContext app;

    private RingwayFront(Path data, ConfigurableApplicationContext app) {
        this.data = requireNonNull(data, "data");
        this.app = requireNonNull(app, "app");
    }

    static RingwayFront start(Path swiftDir) {
        try {
            Path data = Files.createTempDirectory("ringway-cluster-front");
            return new RingwayFront(data, RingwayApps.start(data, WebApplicationType.REACTIVE,
                    "--ringway.role=gateway",
                    "--ringway.swift-dir=" + swiftDir,
                    // As the real proxy's proxy-server.conf (scripts/swift-cluster.sh).
                    "--ringway.proxy.allow-account-management=true",
                    "--server.address=127.0.0.1",
                    "--management.server.address=127.0.0.1"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ConfigurableApplicationContext app() {
        return app;
    }

    String url() {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    @Override
    public void close() {
        app.close();
        try {
            TestNode.deleteRecursively(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
