package io.ringway.info;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sections of {@code GET /info}, Swift's {@code register_swift_info}: each stage (and the
 * Swift API itself, under {@code swift}) registers what clients may rely on. Registering a
 * section again adds to it, as Swift does when a stage appears twice in a pipeline.
 * Thread-safe; sections are registered at start and read on every {@code /info}.
 */
public final class InfoRegistry {

    private final Map<String, Map<String, Object>> sections = new TreeMap<>();

    /** Adds {@code values} to the section {@code name}. */
    public synchronized void register(String name, Map<String, ?> values) {
        requireNonNull(name, "name");
        requireNonNull(values, "values");
        sections.computeIfAbsent(name, key -> new LinkedHashMap<>()).putAll(values);
    }

    /** A copy of every section, by name. */
    public synchronized Map<String, Map<String, Object>> sections() {
        Map<String, Map<String, Object>> copy = new TreeMap<>();
        sections.forEach((name, values) -> copy.put(name, new LinkedHashMap<>(values)));
        return copy;
    }
}
