package io.ringway.storage.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The ports the node's servers will listen on. A configured port 0 becomes a free port chosen
 * now, before anything binds, because the node's ports must be known to write them into the
 * embedded rings (tests run several nodes this way). The port is picked at random below Linux's
 * ephemeral range (32768 and up): a port the kernel handed out for "any free port" would be
 * handed out again, to another server on port 0 or to an outgoing connection, in the time
 * between choosing it and binding it.
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

    private static final int FIRST_CHOSEN_PORT = 20000;
    private static final int LAST_CHOSEN_PORT = 32000;

    private static int freePort(String ip) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = random.nextInt(FIRST_CHOSEN_PORT, LAST_CHOSEN_PORT);
            if (bindable(ip, port)) {
                return port;
            }
        }
        throw new UncheckedIOException(new IOException("no free port on " + ip + " between " + FIRST_CHOSEN_PORT
                + " and " + LAST_CHOSEN_PORT));
    }

    private static boolean bindable(String ip, int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(ip))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
