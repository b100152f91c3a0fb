package io.ringway.ring;

import io.ringway.swift.HashPath;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The vectors {@code src/test/resources/ring-vectors/generate.sh} recorded with Swift 2.30.1. */
record RingVectors(String prefix, String suffix, int partPower, double replicaCount, List<PathVector> paths) {

    static RingVectors load(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(RingVectors.class.getResourceAsStream("/ring-vectors/" + name))) {
            JsonNode root = JsonMapper.shared().readTree(in);
            List<PathVector> paths = new ArrayList<>();
            for (JsonNode path : root.get("paths").values()) {
                paths.add(new PathVector(
                        path.get("a").asString(),
                        text(path.get("c")),
                        text(path.get("o")),
                        path.get("hash").asString(),
                        path.get("part").asInt(),
                        ints(path.get("primaries")),
                        ints(path.get("handoffs"))));
            }
            return new RingVectors(root.get("prefix").asString(), root.get("suffix").asString(),
                    root.get("part_power").asInt(), root.get("replica_count").asDouble(), List.copyOf(paths));
        }
    }

    static Path resource(String name) {
        try {
            return Path.of(Objects.requireNonNull(RingVectors.class.getResource("/ring-vectors/" + name)).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    HashPath hashPath() {
        return new HashPath(prefix, suffix);
    }

    private static @Nullable String text(JsonNode node) {
        return node.isNull() ? null : node.asString();
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> ints = new ArrayList<>();
        for (JsonNode value : array.values()) {
            ints.add(value.asInt());
        }
        return List.copyOf(ints);
    }

    record PathVector(String account, @Nullable String container, @Nullable String object, String hash,
            int partition, List<Integer> primaries, List<Integer> handoffs) {
    }
}
