package io.ringway.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An INI file read with the semantics of Python 3's {@code ConfigParser(strict=False)}, which
 * Swift uses for {@code swift.conf}: {@code key = value} or {@code key: value} split at the first
 * delimiter, keys lower-cased, keys and values stripped, whole-line comments starting with
 * {@code #} or {@code ;} (not inline ones: {@code a = b # c} has the value {@code b # c}),
 * indented lines continuing the previous value, case-sensitive section names, duplicate sections
 * merged with later values winning, and {@code [DEFAULT]} options visible in every section.
 * Values are interpolated as by ConfigParser's default {@code BasicInterpolation} (see {@link Interpolation}).
 */
final class ConfigFile {

    private static final String DEFAULT_SECTION = "DEFAULT";

    static ConfigFile parse(String text) {
        Map<String, Map<String, StringBuilder>> raw = new LinkedHashMap<>();
        Map<String, StringBuilder> current = null;
        String option = null;
        int optionIndent = Integer.MAX_VALUE;
        List<String> lines = text.lines().toList();
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1);
            String stripped = line.strip();
            boolean comment = stripped.startsWith("#") || stripped.startsWith(";");
            if (stripped.isEmpty() || comment) {
                // A blank line inside a multi-line value is kept (and trailing ones dropped at the end).
                if (!comment && current != null && option != null) {
                    current.get(option).append('\n');
                }
                continue;
            }
            int indent = indent(line);
            if (current != null && option != null && indent > optionIndent) {
                current.get(option).append('\n').append(stripped);
                continue;
            }
            optionIndent = indent;
            // Python's SECTCRE "\\[(?P<header>.+)\\]" is matched, not full-matched: text after the last ']' is ignored.
            int close = stripped.lastIndexOf(']');
            if (stripped.startsWith("[") && close > 1) {
                current = raw.computeIfAbsent(stripped.substring(1, close), k -> new LinkedHashMap<>());
                option = null;
                continue;
            }
            if (current == null) {
                throw new IllegalArgumentException("swift.conf line " + number + ": " + stripped
                        + " (expected: a [section] header before any option)");
            }
            int delimiter = firstDelimiter(stripped);
            String key = delimiter < 0 ? "" : stripped.substring(0, delimiter).strip();
            if (key.isEmpty()) {
                throw new IllegalArgumentException("swift.conf line " + number + ": " + stripped
                        + " (expected: key = value or key: value)");
            }
            option = key.toLowerCase(Locale.ROOT);
            current.put(option, new StringBuilder(stripped.substring(delimiter + 1).strip()));
        }
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        raw.forEach((name, options) -> {
            Map<String, String> values = new LinkedHashMap<>();
            options.forEach((key, value) -> values.put(key, value.toString().stripTrailing()));
            sections.put(name, values);
        });
        Map<String, String> defaults = sections.remove(DEFAULT_SECTION);
        return new ConfigFile(sections, defaults == null ? Map.of() : defaults);
    }

    private final Map<String, Map<String, String>> sections;
    private final Map<String, String> defaults;

    private ConfigFile(Map<String, Map<String, String>> sections, Map<String, String> defaults) {
        this.sections = sections;
        this.defaults = defaults;
    }

    /** Section names in file order, without {@code DEFAULT}. */
    List<String> sectionNames() {
        return List.copyOf(sections.keySet());
    }

    boolean hasSection(String section) {
        return sections.containsKey(section);
    }

    /**
     * A section's options including those inherited from {@code [DEFAULT]}, values interpolated,
     * like Python's {@code items(section)}.
     */
    Map<String, String> items(String section) {
        Map<String, String> raw = raw(section);
        Map<String, String> items = new LinkedHashMap<>();
        raw.forEach((option, value) -> items.put(option, Interpolation.interpolate(section, option, value, raw)));
        return items;
    }

    /** One option, interpolated, like Python's {@code get}; other options' bad '%' do not matter then. */
    @Nullable String get(String section, String option) {
        if (!hasSection(section)) {
            return null;
        }
        Map<String, String> raw = raw(section);
        String value = raw.get(option);
        return value == null ? null : Interpolation.interpolate(section, option, value, raw);
    }

    private Map<String, String> raw(String section) {
        Map<String, String> raw = new LinkedHashMap<>(defaults);
        Map<String, String> own = sections.get(section);
        if (own != null) {
            raw.putAll(own);
        }
        return raw;
    }

    private static int firstDelimiter(String line) {
        int equals = line.indexOf('=');
        int colon = line.indexOf(':');
        if (equals < 0) {
            return colon;
        }
        return colon < 0 ? equals : Math.min(equals, colon);
    }

    private static int indent(String line) {
        int indent = 0;
        while (indent < line.length() && Character.isWhitespace(line.charAt(indent))) {
            indent++;
        }
        return indent;
    }
}
