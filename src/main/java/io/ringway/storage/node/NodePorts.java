package io.ringway.storage.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.EnumMap;
import java.util.Map;

/**
 * The ports the node's servers will listen on. A configured port 0 becomes a free port chosen
 * now, before anything binds, because the node's ports must be known to write them into the
 * embedded rings (tests run several nodes this way).
 */
public final class NodePorts {

    private final Map<ServerType, Integer> ports;

    private NodePorts(Map<ServerType, Integer> ports) {
        this.ports = Map.copyOf(ports);
    }

    public static NodePorts resolve(StorageNodeProperties properties) {
        Map<ServerType, Integer> ports = new EnumMap<>(ServerType.class);
        for (ServerType type : ServerType.values()) {
            int configured = properties.port(type);
            ports.put(type, configured != 0 ? configured : freePort(properties.bindIp()));
        }
        return new NodePorts(ports);
    }

    public int port(ServerType type) {
        return ports.get(type);
    }

    public Map<ServerType, Integer> asMap() {
        return ports;
    }

    private static int freePort(String ip) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(ip))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + ip, e);
        }
    }
}
