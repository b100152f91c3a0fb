package io.ringway.clients;

import io.ringway.storage.proxyfront.ProxyFrontCluster;
import io.ringway.testing.RingwayApps;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the clients talk to: Ringway booted as {@code ./mvnw spring-boot:run} would run it (the
 * default), or, with {@code -Dringway.clients.target=swift}, Debian's {@code swift-proxy-server}
 * over Ringway's storage node, to check that the scenarios themselves hold against real Swift.
 */
sealed interface ClientTarget extends AutoCloseable {

    String PROPERTY = "ringway.clients.target";

    /** The tempauth user of Swift's sample configuration, which both targets have. */
    String USER = "test:tester";
    String KEY = "testing";

    /** Whether the target is real Swift rather than Ringway. */
    static boolean realSwift() {
        return "swift".equals(System.getProperty(PROPERTY, "ringway"));
    }

    /** The programs the target needs besides the clients. */
    static List<Path> programs() {
        if (realSwift()) {
            return List.of(Path.of(ProxyFrontCluster.PROXY), Path.of(ProxyFrontCluster.MEMCACHED));
        }
        return List.of();
    }

    /** Starts the chosen target with its data under {@code base}. */
    static ClientTarget start(Path base) throws Exception {
        if (realSwift()) {
            return new RealSwift(ProxyFrontCluster.start(base));
        }
        // The default pipeline (Swift's sample one, with tempauth): what ./mvnw spring-boot:run serves.
        return new Ringway(RingwayApps.start(base, WebApplicationType.REACTIVE,
                "--server.address=127.0.0.1",
                // Account stats come from the container updater (Swift's default: every 300 s), as
                // in the proxy-front cluster: a scenario waits for them.
                "--ringway.storage.updater-interval=1s"));
    }

    ClientEndpoint endpoint();

    /** What to print when a client fails (the real proxy's log). */
    String diagnostics();

    /** Ringway, the whole application. */
    record Ringway(ConfigurableApplicationContext app) implements ClientTarget {

        @Override
        public ClientEndpoint endpoint() {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            return new ClientEndpoint("http://127.0.0.1:" + port + "/auth/v1.0", USER, KEY);
        }

        @Override
        public String diagnostics() {
            return "Ringway (its log is the test output)";
        }

        @Override
        public void close() {
            app.close();
        }
    }

    /** Debian's swift-proxy-server 2.30.1 with tempauth, copy, dlo and slo, over Ringway's storage node. */
    record RealSwift(ProxyFrontCluster cluster) implements ClientTarget {

        @Override
        public ClientEndpoint endpoint() {
            return new ClientEndpoint(cluster.authUrl(), USER, KEY);
        }

        @Override
        public String diagnostics() {
            return cluster.proxyLog();
        }

        @Override
        public void close() throws Exception {
            cluster.close();
        }
    }
}
