package io.ringway.cluster;

import io.ringway.storage.conformance.RealSwiftStorage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Makes sure the real Swift cluster of {@code scripts/swift-cluster.sh} runs and injects a
 * {@link Cluster}. Once per JVM it runs {@code status}, and {@code up} when that fails; a cluster
 * this JVM started is stopped ({@code down}) when the test run ends, one found running is left
 * alone. After each test the test's faults are undone ({@link Cluster#restore()}), so a test
 * that leaves a server down or a disk off does not break the next one.
 *
 * <p>Enabled as the rest of the real-server tier ({@link RealSwiftStorage#requireTierEnabled}):
 * skipped locally without Swift's servers, failed instead with {@code CI=true}. System properties
 * (passed to the script as its environment): {@code ringway.cluster.base} (RINGWAY_CLUSTER_BASE,
 * default {@code /tmp/ringway-cluster}), {@code ringway.cluster.portBase} (PORT_BASE, default
 * 17000), {@code ringway.cluster.script} (default {@code scripts/swift-cluster.sh}).
 */
final class RealCluster implements BeforeAllCallback, AfterEachCallback, ParameterResolver {

    private static @Nullable Cluster cluster;

    @Override
    public void beforeAll(ExtensionContext context) {
        RealSwiftStorage.requireTierEnabled("the real Swift cluster");
        cluster(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Cluster running = cluster;
        if (running != null) {
            running.restore();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Cluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return cluster(context);
    }

    private static synchronized Cluster cluster(ExtensionContext context) {
        if (cluster != null) {
            return cluster;
        }
        ClusterScript script = new ClusterScript(
                Path.of(property("ringway.cluster.script", "scripts/swift-cluster.sh")),
                Path.of(property("ringway.cluster.base", "/tmp/ringway-cluster")),
                Integer.parseInt(property("ringway.cluster.portBase", "17000")));
        ClusterScript.Result status = script.run("status");
        if (status.exitCode() != 0) {
            // A cluster this tier starts starts empty: the objects of earlier runs (unique names,
            // never all deleted) would otherwise fill its disk image run after run.
            script.check("down", "--wipe");
        }
        String env = status.exitCode() == 0 ? status.output() : script.check("up");
        Cluster started = new Cluster(script, parse(env));
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.create(RealCluster.class));
        // The root store closes last, when the whole run ends: Ringway first, then the cluster if ours.
        if (status.exitCode() != 0) {
            store.put("down", (AutoCloseable) () -> script.check("down"));
        }
        store.put("ringway", (AutoCloseable) started::closeRingway);
        cluster = started;
        return started;
    }

    /** {@code NAME=value} lines of the script's output (cluster.env), other lines ignored. */
    private static Map<String, String> parse(String output) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0 && line.substring(0, equals).matches("[A-Z0-9_]+")) {
                env.put(line.substring(0, equals), line.substring(equals + 1).trim());
            }
        }
        return env;
    }

    /** A system property; blank (as the pom passes an unset one) means the default. */
    private static String property(String name, String defaultValue) {
        String value = System.getProperty(name, "");
        return value.isBlank() ? defaultValue : value;
    }
}
