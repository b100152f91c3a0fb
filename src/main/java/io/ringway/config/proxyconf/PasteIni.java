package io.ringway.config.proxyconf;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A {@code proxy-server.conf} as Swift reads it: Python's {@code ConfigParser} syntax
 * ({@code [section]}, {@code key = value} or {@code key: value}, {@code #} and {@code ;} comment
 * lines, indented continuation lines, later keys replacing earlier ones) and PasteDeploy's rules
 * for {@code [DEFAULT]}: a default applies to every section, and wins over the section's own
 * value unless the section says {@code set key = value} (the PasteDeploy pitfall Swift's docs
 * warn about: {@code log_name} in {@code [DEFAULT]} beats {@code log_name} in a filter).
 * {@code %(name)s} interpolation and {@code conf.d} directories are not supported.
 */
final class PasteIni {

    static final String DEFAULT = "DEFAULT";

    private final Map<String, Map<String, String>> own;
    private final Map<String, Map<String, String>> set;

    private PasteIni(Map<String, Map<String, String>> own, Map<String, Map<String, String>> set) {
        this.own = own;
        this.set = set;
    }

    /** Parses the text of a file; a line that is no section, option or comment is an error. */
    static PasteIni parse(String text) {
        requireNonNull(text, "text");
        Map<String, Map<String, String>> own = new LinkedHashMap<>();
        Map<String, Map<String, String>> set = new LinkedHashMap<>();
        @Nullable String section = null;
        @Nullable String lastKey = null;
        int lineNumber = 0;
        for (String line : text.split("\r?\n", -1)) {
            lineNumber++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith(";")) {
                continue;
            }
            if (Character.isWhitespace(line.charAt(0)) && lastKey != null && section != null) {
                // a continuation line: ConfigParser joins it to the value with a newline
                Map<String, String> options = own.get(section);
                options.put(lastKey, options.get(lastKey) + "\n" + trimmed);
                continue;
            }
            if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
                section = trimmed.substring(1, trimmed.length() - 1).strip();
                own.computeIfAbsent(section, name -> new LinkedHashMap<>());
                set.computeIfAbsent(section, name -> new LinkedHashMap<>());
                lastKey = null;
                continue;
            }
            int separator = separator(trimmed);
            if (section == null || separator < 0) {
                throw new IllegalArgumentException("line " + lineNumber + ": expected [section] or key = value: "
                        + trimmed);
            }
            // PasteDeploy keeps the case of option names (optionxform = str): SERVICE_require_group
            String key = trimmed.substring(0, separator).strip();
            String value = trimmed.substring(separator + 1).strip();
            if (key.startsWith("set ") && !section.equals(DEFAULT)) {
                set.get(section).put(key.substring(4).strip(), value);
                lastKey = null;
            } else {
                own.get(section).put(key, value);
                lastKey = key;
            }
        }
        return new PasteIni(own, set);
    }

    private static int separator(String line) {
        int equals = line.indexOf('=');
        int colon = line.indexOf(':');
        if (equals < 0) {
            return colon;
        }
        return colon < 0 ? equals : Math.min(equals, colon);
    }

    boolean has(String section) {
        return own.containsKey(section);
    }

    /** The section names in file order ({@code DEFAULT} included when present). */
    Iterable<String> sections() {
        return Collections.unmodifiableSet(own.keySet());
    }

    /**
     * A section's options as PasteDeploy hands them to Swift: {@code [DEFAULT]}, then the
     * section's own options where {@code [DEFAULT]} has none, then its {@code set} options.
     */
    Map<String, String> options(String section) {
        Map<String, String> merged = new LinkedHashMap<>(own.getOrDefault(DEFAULT, Map.of()));
        own.getOrDefault(section, Map.of()).forEach(merged::putIfAbsent);
        merged.putAll(set.getOrDefault(section, Map.of()));
        return Collections.unmodifiableMap(merged);
    }

    /**
     * What PasteDeploy calls the section's local options: its own, less those {@code [DEFAULT]}
     * shadows, plus its {@code set} ones; no defaults.
     */
    Map<String, String> ownOptions(String section) {
        Map<String, String> defaults = own.getOrDefault(DEFAULT, Map.of());
        Map<String, String> options = new LinkedHashMap<>();
        own.getOrDefault(section, Map.of()).forEach((key, value) -> {
            if (!defaults.containsKey(key)) {
                options.put(key, value);
            }
        });
        options.putAll(set.getOrDefault(section, Map.of()));
        return Collections.unmodifiableMap(options);
    }
}
