package io.ringway.storage.db;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The metadata of an account or container database, as Swift keeps it in the {@code metadata}
 * column: a JSON object mapping each header name to {@code [value, timestamp]}. A key is only
 * overwritten by a newer timestamp; an empty value marks a deleted key (kept until reclaimed so
 * that an older update cannot bring it back).
 *
 * @param items header name to value and the internal timestamp that set it, in insertion order
 */
public record Metadata(Map<String, Item> items) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One key's value and the internal timestamp that set it ({@code ""} value: deleted). */
    public record Item(String value, String timestamp) {

        public Item {
            requireNonNull(value, "value");
            requireNonNull(timestamp, "timestamp");
        }
    }

    public Metadata {
        items = Collections.unmodifiableMap(new LinkedHashMap<>(items));
    }

    public static Metadata empty() {
        return new Metadata(Map.of());
    }

    /** Reads the column; Swift writes {@code ''} into new databases. */
    public static Metadata fromJson(String json) {
        if (json == null || json.isEmpty()) {
            return empty();
        }
        Map<String, Item> items = new LinkedHashMap<>();
        JsonNode root = JSON.readTree(json);
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            JsonNode pair = field.getValue();
            items.put(field.getKey(), new Item(pair.get(0).asString(), pair.get(1).asString()));
        }
        return new Metadata(items);
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        items.forEach((key, item) -> root.putArray(key).add(item.value()).add(item.timestamp()));
        return JSON.writeValueAsString(root);
    }

    /**
     * Swift's {@code update_metadata}: each update replaces the key when it is absent or the
     * update's timestamp is newer (internal timestamps compare as strings, as Swift does).
     */
    public Metadata merge(Map<String, Item> updates) {
        Map<String, Item> merged = new LinkedHashMap<>(items);
        updates.forEach((key, update) -> {
            Item current = merged.get(key);
            if (current == null || update.timestamp().compareTo(current.timestamp()) > 0) {
                merged.put(key, update);
            }
        });
        return new Metadata(merged);
    }

    /** True when merging {@code updates} would change nothing (Swift skips the write then). */
    public boolean unchangedBy(Map<String, Item> updates) {
        for (Map.Entry<String, Item> update : updates.entrySet()) {
            Item current = items.get(update.getKey());
            if (current == null || update.getValue().timestamp().compareTo(current.timestamp()) > 0) {
                return false;
            }
        }
        return true;
    }

    /** Every key set to {@code ""} at {@code timestamp}: what {@code delete_db} writes. */
    public Map<String, Item> clearedAt(String timestamp) {
        Map<String, Item> cleared = new LinkedHashMap<>();
        items.keySet().forEach(key -> cleared.put(key, new Item("", timestamp)));
        return cleared;
    }

    /**
     * Swift's {@code validate_metadata}: user metadata ({@code X-Account-Meta-*},
     * {@code X-Container-Meta-*}) with a value counts against {@code maxCount} items and
     * {@code maxOverallSize} bytes of name (without prefix) plus value.
     *
     * @return Swift's 400 message when a limit is exceeded
     */
    public Optional<String> validate(int maxCount, int maxOverallSize) {
        int count = 0;
        int size = 0;
        for (Map.Entry<String, Item> entry : items.entrySet()) {
            String key = entry.getKey().toLowerCase(Locale.ROOT);
            String value = entry.getValue().value();
            if (value.isEmpty()) {
                continue;
            }
            String prefix = key.startsWith("x-account-meta-") ? "x-account-meta-"
                    : key.startsWith("x-container-meta-") ? "x-container-meta-" : null;
            if (prefix == null) {
                continue;
            }
            count++;
            size += key.codePointCount(0, key.length()) - prefix.length() + value.codePointCount(0, value.length());
        }
        if (count > maxCount) {
            return Optional.of("Too many metadata items; max " + maxCount);
        }
        if (size > maxOverallSize) {
            return Optional.of("Total metadata too large; max " + maxOverallSize);
        }
        return Optional.empty();
    }

    /** The keys with a value, as response headers (deleted keys are not shown). */
    public Map<String, String> visible() {
        Map<String, String> visible = new LinkedHashMap<>();
        items.forEach((key, item) -> {
            if (!item.value().isEmpty()) {
                visible.put(key, item.value());
            }
        });
        return visible;
    }
}
