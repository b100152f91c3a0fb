package io.ringway.storage.audit.watcher;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads a watcher's configuration whatever spelling the key was bound in: Spring keeps
 * {@code grace-age} but turns {@code grace_age} into {@code graceage} in map keys, so
 * {@code grace_age}, {@code grace-age}, {@code graceAge} and {@code graceage} are one key here.
 */
public final class WatcherSettings {

    private WatcherSettings() {
    }

    /** The value of {@code key} in {@code config}, or {@code null}. */
    public static @Nullable String get(Map<String, String> config, String key) {
        String wanted = normalized(key);
        for (Map.Entry<String, String> entry : config.entrySet()) {
            if (normalized(entry.getKey()).equals(wanted)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** The value of {@code key}, or {@code fallback}. */
    public static String get(Map<String, String> config, String key, String fallback) {
        String value = get(config, key);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /** A duration given in seconds, as Swift's settings are ({@code 0.5}), or in Spring's form ({@code 500ms}). */
    public static Duration seconds(Map<String, String> config, String key, Duration fallback) {
        String value = get(config, key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String trimmed = value.trim();
        try {
            return Duration.ofNanos(Math.round(Double.parseDouble(trimmed) * 1e9));
        } catch (NumberFormatException e) {
            return org.springframework.boot.convert.DurationStyle.detectAndParse(trimmed);
        }
    }

    /** A name compared as Spring compares property names: lower case, letters and digits only. */
    public static String normalized(String name) {
        StringBuilder kept = new StringBuilder(name.length());
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                kept.append(c);
            }
        }
        return kept.toString();
    }
}
