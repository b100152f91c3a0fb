package io.ringway.storage.conformance;

import io.ringway.storage.node.ServerType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The two sides of a comparison for one server type: real Swift on device {@code d1}, and the
 * peer chosen by {@code -Dringway.conformance.peer}:
 * <ul>
 *   <li>{@code ringway} (default): Ringway's storage node, booted once per JVM, device {@code d1};
 *   <li>{@code real}: real Swift again, on device {@code d2}, which checks the sequences and
 *       their expectations themselves (anything that differs there is not deterministic).
 * </ul>
 * When Ringway runs no server of the type (not merged yet), the test is skipped, or fails with
 * {@code CI=true}.
 */
record ConformanceSides(ConformanceSide real, ConformanceSide peer) {

    static final String PEER_PROPERTY = "ringway.conformance.peer";

    private static @Nullable RingwayStorageNode ringway;

    static ConformanceSides of(RealSwiftServers servers, ServerType type) {
        ConformanceSide real = new ConformanceSide("real", servers.host(), servers.port(type), "d1", servers.ports());
        String peer = System.getProperty(PEER_PROPERTY, "ringway").toLowerCase(Locale.ROOT);
        if (peer.equals("real")) {
            return new ConformanceSides(real, new ConformanceSide("real-d2", servers.host(), servers.port(type), "d2",
                    servers.ports()));
        }
        if (!peer.equals("ringway")) {
            throw new IllegalArgumentException(PEER_PROPERTY + ": " + peer + " (expected: ringway or real)");
        }
        int port;
        try {
            port = ringway().port(type);
        } catch (IllegalStateException e) {
            RealSwiftStorage.skipOrFailInCi("Ringway's storage node runs no " + type.swiftName() + " server yet ("
                    + e.getMessage() + "); -D" + PEER_PROPERTY + "=real checks the sequences against real Swift alone");
            throw e;
        }
        Map<ServerType, Integer> ports = new EnumMap<>(ServerType.class);
        for (ServerType other : ServerType.values()) {
            try {
                ports.put(other, ringway().port(other));
            } catch (IllegalStateException e) {
                // Not implemented yet: only steps sent to that server fail.
            }
        }
        return new ConformanceSides(real, new ConformanceSide("ringway", "127.0.0.1", port, "d1", ports));
    }

    /** Ringway's node, booted at first use and closed when the JVM exits. */
    private static synchronized RingwayStorageNode ringway() {
        if (ringway != null) {
            return ringway;
        }
        try {
            Path devices = Files.createTempDirectory("ringway-conformance-node");
            Path swiftDir = Path.of(System.getProperty("ringway.conformance.swift-dir", "/etc/swift"));
            RingwayStorageNode node = RingwayStorageNode.start(devices, swiftDir);
            Runtime.getRuntime().addShutdownHook(new Thread(node::close, "ringway-conformance-node-close"));
            ringway = node;
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
