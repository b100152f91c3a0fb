package io.ringway.cluster;

import static java.util.Objects.requireNonNull;

import io.ringway.policy.SwiftConf;
import io.ringway.ring.Device;
import io.ringway.ring.Ring;
import io.ringway.ring.Rings;
import io.ringway.storage.node.ServerType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What a test of the real-cluster tier gets from {@link RealCluster}: where the cluster is, both
 * proxies logged in, the rings, and faults on real servers. Every fault is undone after the test
 * (servers started again, disks given back), and after a disk fault both proxies start afresh so
 * that neither carries the test's error limits into the next one.
 */
final class Cluster {

    /** The account of tempauth's {@code test:tester} on both proxies. */
    static final String ACCOUNT = "AUTH_test";
    static final int NODES = 4;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final ClusterScript script;
    private final Map<String, String> env;
    private final SwiftConf conf;
    private final Rings rings;
    private final Set<List<String>> undo = new LinkedHashSet<>();
    private final Map<Side, Front> fronts = new EnumMap<>(Side.class);
    private @Nullable RingwayFront ringway;
    private boolean errorLimited;

    Cluster(ClusterScript script, Map<String, String> env) {
        this.script = requireNonNull(script, "script");
        this.env = Map.copyOf(env);
        this.conf = SwiftConf.load(swiftDir());
        try {
            this.rings = Rings.load(swiftDir(), conf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The swift dir of the cluster (swift.conf, rings): Ringway's {@code ringway.swift-dir}. */
    Path swiftDir() {
        return Path.of(env.get("SWIFT_DIR"));
    }

    /** {@code srv/}: node N's device is {@code srv/N/sdbN}. */
    Path devices() {
        return Path.of(env.get("SWIFT_DEVICES"));
    }

    /** The file system of the devices ({@code xfs} when the disk image is mounted). */
    String fileSystem() {
        return env.getOrDefault("SWIFT_FS", "?");
    }

    /** The real swift-proxy-server's log (it runs with {@code -v}). */
    Path proxyLog() {
        return script.base().resolve("log").resolve("proxy-server.log");
    }

    /** A storage server's log ({@code object-server-N.log}): one line per request, with its status. */
    Path log(ServerType type, int node) {
        return script.base().resolve("log").resolve(type.swiftName() + "-server-" + node + ".log");
    }

    /** What a log got after {@code offset} (its size before the test's requests). */
    static String logAfter(Path log, long offset) {
        try (var channel = FileChannel.open(log)) {
            ByteBuffer tail = ByteBuffer.allocate((int) Math.max(0, channel.size() - offset));
            channel.read(tail, offset);
            return new String(tail.array(), 0, tail.position(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL of the real swift-proxy-server. */
    String proxyUrl() {
        return "http://127.0.0.1:" + env.get("SWIFT_PROXY_PORT");
    }

    int port(ServerType type, int node) {
        return Integer.parseInt(env.get("SWIFT_" + type.name() + "_PORT_" + node));
    }

    /** The node (1..4) a ring device belongs to. */
    int node(Device device) {
        return (device.port() - script.portBase()) / 100;
    }

    SwiftConf conf() {
        return conf;
    }

    Rings rings() {
        return rings;
    }

    /** Ringway in front of the cluster, booted on first use (and again after a test with faults). */
    synchronized ConfigurableApplicationContext ringway() {
        return ringwayFront().app();
    }

    /** One proxy, logged in as {@code test:tester}. */
    synchronized Front front(Side side) {
        return fronts.computeIfAbsent(side, s -> Front.login(s, url(s)));
    }

    /** One proxy, logged in as another of tempauth's users (both proxies have Swift's sample ones). */
    synchronized Front login(Side side, String user, String key) {
        return Front.login(side, url(side), user, key);
    }

    /** The primary nodes (1..4) of an object of {@link #ACCOUNT}, in the ring's order. */
    List<Integer> primaries(int policyIndex, String container, String object) {
        Ring ring = rings.object(policyIndex);
        int partition = ring.partition(ACCOUNT, container, object);
        return ring.primaryNodes(partition).stream().map(n -> node(n.device())).toList();
    }

    /** The handoff nodes (1..4) of an object, in the order a proxy tries them. */
    List<Integer> handoffs(int policyIndex, String container, String object) {
        Ring ring = rings.object(policyIndex);
        int partition = ring.partition(ACCOUNT, container, object);
        return ring.handoffNodes(partition).map(n -> node(n.device())).toList();
    }

    /** The primary nodes (1..4) of a container of {@link #ACCOUNT}. */
    List<Integer> containerPrimaries(String container) {
        Ring ring = rings.container();
        return ring.primaryNodes(ring.partition(ACCOUNT, container, null)).stream().map(n -> node(n.device())).toList();
    }

    /** Node N's object-ring device for a policy, as the proxies key it for error limiting. */
    Device objectDevice(int policyIndex, int node) {
        return rings.object(policyIndex).devices().stream()
                .filter(d -> d != null && node(d) == node)
                .findFirst()
                .orElseThrow();
    }

    /**
     * A container's object names as node N's container server alone has them (a backend GET on
     * its replica of the container, no proxy in between), one per line.
     */
    String listingOn(int node, String container) {
        Ring ring = rings.container();
        URI uri = URI.create("http://127.0.0.1:" + port(ServerType.CONTAINER, node) + "/sdb" + node + "/"
                + ring.partition(ACCOUNT, container, null) + "/" + ACCOUNT + "/" + container);
        try {
            HttpResponse<String> reply = HTTP.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString());
            return reply.statusCode() + "\n" + reply.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The nodes whose device holds a {@code .data} file of the object, read on disk. */
    List<Integer> nodesWithData(int policyIndex, String container, String object) {
        return new ObjectFiles(devices(), conf.hashPath(), rings.object(policyIndex), policyIndex)
                .nodesWithData(ACCOUNT, container, object);
    }

    void stop(ServerType type, int node) {
        fault(List.of("start", type.swiftName(), Integer.toString(node)), "stop", type.swiftName(), Integer.toString(node));
    }

    /** SIGKILL, as a crash: the server's connections are reset mid-flight. */
    void kill(ServerType type, int node) {
        fault(List.of("start", type.swiftName(), Integer.toString(node)), "kill", type.swiftName(), Integer.toString(node));
    }

    /** Starts a server again (waiting until healthy) before the test ends, where the test needs it. */
    void start(ServerType type, int node) {
        script.check("start", type.swiftName(), Integer.toString(node));
    }

    /** Takes node N's device away: its servers answer 507 for it, as for an unmounted disk. */
    void diskOff(int node) {
        synchronized (this) {
            errorLimited = true;
        }
        fault(List.of("disk-on", Integer.toString(node)), "disk-off", Integer.toString(node));
    }

    void diskOn(int node) {
        script.check("disk-on", Integer.toString(node));
    }

    /** Runs the object and container updaters once on every node (async pendings, account stats). */
    void updaters() {
        script.check("updaters");
    }

    /**
     * Undoes this test's faults. After a disk fault both proxies start afresh: a 507 error-limits
     * the device at once for {@code error_suppression_interval} (60 s), which would send the next
     * test's writes to handoffs. A stopped server only counts one error per attempt, far below
     * {@code error_suppression_limit} (10), so proxies are kept then (a restart costs seconds).
     */
    synchronized void restore() {
        List<List<String>> commands = new ArrayList<>(undo);
        Collections.reverse(commands);
        undo.clear();
        for (List<String> command : commands) {
            script.check(command.toArray(String[]::new));
        }
        if (errorLimited) {
            errorLimited = false;
            script.check("stop", "proxy");
            script.check("start", "proxy");
            closeRingway();
            fronts.clear();
        }
    }

    /**
     * Another Ringway of this JVM was closed: Spring's Reactor resources are global, and closing
     * any application disposes the event loops every other one's server runs on. The cluster's
     * Ringway is started afresh when next asked for.
     */
    synchronized void anotherRingwayClosed() {
        closeRingway();
        fronts.remove(Side.RINGWAY);
    }

    synchronized void closeRingway() {
        if (ringway != null) {
            ringway.close();
            ringway = null;
        }
    }

    private void fault(List<String> undoCommand, String... command) {
        synchronized (this) {
            undo.add(undoCommand);
        }
        script.check(command);
    }

    private String url(Side side) {
        return side == Side.SWIFT ? proxyUrl() : ringwayFront().url();
    }

    private RingwayFront ringwayFront() {
        if (ringway == null) {
            ringway = RingwayFront.start(swiftDir());
        }
        return ringway;
    }
}
