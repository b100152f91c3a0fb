package io.ringway.storage.db;

import io.ringway.storage.node.DeviceRoot;
import io.ringway.storage.node.ServerType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds every account or container database on a node's usable devices, as Swift's daemons walk them. */
public final class DatabaseFiles {

    private DatabaseFiles() {
    }

    /** The {@code .db} files under {@code {device}/{accounts|containers}/}; blocks on the file system. */
    public static List<Path> list(DeviceRoot devices, ServerType type) throws IOException {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(devices.root())) {
            return found;
        }
        List<String> names;
        try (Stream<Path> children = Files.list(devices.root())) {
            names = children.map(child -> child.getFileName().toString()).sorted().toList();
        }
        for (String name : names) {
            Path device = devices.device(name).orElse(null);
            Path data = device == null ? null : device.resolve(type.dataDirectory());
            if (data == null || !Files.isDirectory(data)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(data, 4)) {
                files.filter(path -> path.getFileName().toString().endsWith(".db")).forEach(found::add);
            }
        }
        return found;
    }
}
