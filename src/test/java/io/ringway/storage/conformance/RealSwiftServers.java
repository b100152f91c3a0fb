package io.ringway.storage.conformance;

import static java.util.Objects.requireNonNull;

import io.ringway.storage.node.ServerType;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the real Swift storage servers listen, as {@code scripts/swift-storage.sh} reported.
 *
 * @param host the loopback address they are bound to
 * @param ports the port of each server type
 * @param devices the devices directory (Swift's {@code devices})
 * @param deviceNames the devices under it
 */
record RealSwiftServers(String host, Map<ServerType, Integer> ports, Path devices, List<String> deviceNames) {

    RealSwiftServers {
        requireNonNull(host, "host");
        ports = Map.copyOf(ports);
        requireNonNull(devices, "devices");
        deviceNames = List.copyOf(deviceNames);
    }

    int port(ServerType type) {
        Integer port = ports.get(type);
        if (port == null) {
            throw new IllegalStateException("no real " + type.swiftName() + " server reported");
        }
        return port;
    }

    String baseUrl(ServerType type) {
        return "http://" + host + ":" + port(type);
    }

    /** Parses the {@code KEY=VALUE} lines the script prints; other lines are progress messages. */
    static RealSwiftServers parse(String scriptOutput) {
        Map<String, String> values = new HashMap<>();
        scriptOutput.lines()
                .filter(line -> line.matches("SWIFT_[A-Z_]+=.*"))
                .forEach(line -> values.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
        Map<ServerType, Integer> ports = new EnumMap<>(ServerType.class);
        for (ServerType type : ServerType.values()) {
            String key = "SWIFT_" + type.name() + "_PORT";
            String port = values.get(key);
            if (port == null) {
                throw new IllegalStateException(key + " missing from the script's output:\n" + scriptOutput);
            }
            ports.put(type, Integer.parseInt(port));
        }
        String devices = values.getOrDefault("SWIFT_DEVICES", "");
        List<String> names = List.of(values.getOrDefault("SWIFT_DEVICE_NAMES", "d1,d2,d3").split(","));
        return new RealSwiftServers("127.0.0.1", ports, Path.of(devices), names);
    }
}
