package io.ringway.storage.recon;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Swift's recon cache: the daemons of a node (updaters, auditors, reclaimers) write what their
 * last pass did into {@code account.recon}, {@code container.recon}, {@code object.recon} and
 * {@code drive.recon}, and recon reads it back. The files are Swift's: one line of JSON with
 * sorted keys, replaced whole on each write, so they outlive a restart and Swift's own tools can
 * read them. Blocking: call off event loops.
 */
public final class ReconCache {

    private static final Logger log = LoggerFactory.getLogger(ReconCache.class);
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final Path directory;

    /** @param directory Swift's {@code recon_cache_path}; created on the first write */
    public ReconCache(Path directory) {
        this.directory = requireNonNull(directory, "directory").toAbsolutePath().normalize();
    }

    public Path directory() {
        return directory;
    }

    /**
     * Swift's {@code dump_recon_cache}: merges entries into a file. A map value is merged key by
     * key into the map already there; an empty map removes the entry (or, nested, the key), as
     * the object auditor uses it to clear its stats at the start of a pass. A failure to write
     * is logged, never thrown: recon must not stop a daemon.
     */
    public synchronized void dump(ReconFile file, Map<String, ?> entries) {
        Path path = directory.resolve(file.fileName());
        try {
            Map<String, Object> cache = new TreeMap<>(load(path));
            entries.forEach((key, value) -> put(cache, key, value));
            Files.createDirectories(directory);
            Path tmp = Files.createTempFile(directory, file.fileName(), ".tmp");
            try {
                Files.writeString(tmp, JSON.writeValueAsString(cache) + "\n", StandardCharsets.US_ASCII);
                move(tmp, path);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | JacksonException e) {
            log.error("Exception dumping recon cache {}: {}", path, e.toString());
        }
    }

    /** Swift's {@code _from_recon_cache}: the asked keys in order, {@code null} for a missing one. */
    public Map<String, @Nullable Object> read(ReconFile file, List<String> keys) {
        Map<String, Object> cache = loadQuietly(directory.resolve(file.fileName()));
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        keys.forEach(key -> values.put(key, cache.get(key)));
        return values;
    }

    /** Every entry of a file; empty when it is missing or unreadable. */
    public Map<String, Object> readAll(ReconFile file) {
        return loadQuietly(directory.resolve(file.fileName()));
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> cache, String key, @Nullable Object value) {
        if (!(value instanceof Map<?, ?> item)) {
            cache.put(key, value);
            return;
        }
        if (item.isEmpty()) {
            cache.remove(key);
            return;
        }
        Map<String, Object> nested = cache.get(key) instanceof Map<?, ?> existing
                ? new TreeMap<>((Map<String, Object>) existing)
                : new TreeMap<>();
        item.forEach((k, v) -> {
            if (v instanceof Map<?, ?> inner && inner.isEmpty()) {
                nested.remove(String.valueOf(k));
            } else {
                nested.put(String.valueOf(k), v);
            }
        });
        cache.put(key, nested);
    }

    private static Map<String, Object> loadQuietly(Path path) {
        try {
            return load(path);
        } catch (IOException e) {
            log.error("Error reading recon cache file {}: {}", path, e.toString());
            return Map.of();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(Path path) throws IOException {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Map.of();
        }
        if (text.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(text, Map.class);
        } catch (JacksonException e) {
            // a torn or foreign file: rewritten whole by the next dump, as Swift does
            return Map.of();
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
