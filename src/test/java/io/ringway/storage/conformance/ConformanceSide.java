package io.ringway.storage.conformance;

import static java.util.Objects.requireNonNull;

import io.ringway.storage.node.ServerType;
import io.ringway.testing.http.RawHttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One server a sequence runs against, and the other servers of the same node.
 *
 * @param label how reports name it ({@code real}, {@code ringway})
 * @param host its address
 * @param port its port
 * @param device the device its requests use (the {@code {dev}} placeholder)
 * @param servers the port of each server type of the same node, for steps sent
 *     {@linkplain BackendConformance#on(ServerType) elsewhere} and for the {@code {host:account}}
 *     placeholders (a container PUT names the account server to update)
 */
record ConformanceSide(String label, String host, int port, String device, Map<ServerType, Integer> servers) {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    ConformanceSide {
        requireNonNull(label, "label");
        requireNonNull(host, "host");
        requireNonNull(device, "device");
        servers = Map.copyOf(servers);
    }

    /** A side without other servers. */
    ConformanceSide(String label, String host, int port, String device) {
        this(label, host, port, device, Map.of());
    }

    /** The client of this side's server of {@code type}; null: the sequence's own server. */
    RawHttpClient client(@Nullable ServerType type) {
        return new RawHttpClient(host, type == null ? port : port(type), TIMEOUT);
    }

    /** The shared placeholders plus this side's {@code {dev}} and {@code {host:<type>}}. */
    Map<String, String> variables(Map<String, String> shared) {
        Map<String, String> all = new LinkedHashMap<>(shared);
        all.put("dev", device);
        servers.forEach((type, p) -> all.put("host:" + type.name().toLowerCase(Locale.ROOT), host + ":" + p));
        return all;
    }

    private int port(ServerType type) {
        Integer other = servers.get(type);
        if (other == null) {
            throw new IllegalStateException(this + " has no " + type + " server");
        }
        return other;
    }

    @Override
    public String toString() {
        return label + " " + host + ":" + port + " /" + device;
    }
}
