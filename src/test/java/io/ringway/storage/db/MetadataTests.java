package io.ringway.storage.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class MetadataTests {

    private static final Metadata RED = new Metadata(Map.of("X-Container-Meta-Color",
            new Metadata.Item("red", "1700000001.00000")));

    @Test
    void replacesAKeyOnlyWithANewerTimestamp() {
        Metadata older = RED.merge(Map.of("X-Container-Meta-Color", new Metadata.Item("blue", "1700000000.00000")));
        Metadata same = RED.merge(Map.of("X-Container-Meta-Color", new Metadata.Item("blue", "1700000001.00000")));
        Metadata newer = RED.merge(Map.of("X-Container-Meta-Color", new Metadata.Item("blue", "1700000002.00000")));
        assertThat(older.visible()).containsEntry("X-Container-Meta-Color", "red");
        assertThat(same.visible()).containsEntry("X-Container-Meta-Color", "red");
        assertThat(newer.visible()).containsEntry("X-Container-Meta-Color", "blue");
    }

    @Test
    void comparesOffsetsOfInternalTimestamps() {
        Metadata withOffset = RED.merge(Map.of("X-Container-Meta-Color",
                new Metadata.Item("blue", "1700000001.00000_0000000000000001")));
        assertThat(withOffset.visible()).containsEntry("X-Container-Meta-Color", "blue");
    }

    @Test
    void hidesButKeepsDeletedKeysSoOlderValuesCannotReturn() {
        Metadata deleted = RED.merge(RED.clearedAt("1700000002.00000"));
        assertThat(deleted.visible()).isEmpty();
        assertThat(deleted.items()).containsKey("X-Container-Meta-Color");
        Metadata stale = deleted.merge(Map.of("X-Container-Meta-Color", new Metadata.Item("red", "1700000001.50000")));
        assertThat(stale.visible()).isEmpty();
    }

    @Test
    void knowsWhenAnUpdateChangesNothing() {
        assertThat(RED.unchangedBy(Map.of("X-Container-Meta-Color", new Metadata.Item("x", "1700000000.00000"))))
                .isTrue();
        assertThat(RED.unchangedBy(Map.of("X-Container-Meta-Other", new Metadata.Item("x", "1700000000.00000"))))
                .isFalse();
    }

    @Test
    void readsAndWritesSwiftsJsonColumn() {
        Metadata read = Metadata.fromJson("{\"X-Container-Meta-Color\": [\"red\", \"1700000001.00000\"], "
                + "\"X-Container-Read\": [\"\", \"1700000002.00000\"]}");
        assertThat(read.items()).containsEntry("X-Container-Meta-Color", new Metadata.Item("red", "1700000001.00000"))
                .containsEntry("X-Container-Read", new Metadata.Item("", "1700000002.00000"));
        assertThat(Metadata.fromJson(read.toJson())).isEqualTo(read);
        assertThat(Metadata.fromJson("").items()).isEmpty();
    }

    @Test
    void countsOnlyUserMetadataWithValuesAgainstTheLimits() {
        Map<String, Metadata.Item> items = new LinkedHashMap<>();
        for (int i = 0; i < 90; i++) {
            items.put("X-Account-Meta-K" + i, new Metadata.Item("v", "1"));
        }
        items.put("X-Account-Sysmeta-Big", new Metadata.Item("v".repeat(5000), "1"));
        items.put("X-Account-Meta-Gone", new Metadata.Item("", "1"));
        assertThat(new Metadata(items).validate(90, 4096)).isEmpty();
        items.put("X-Account-Meta-One-More", new Metadata.Item("v", "1"));
        assertThat(new Metadata(items).validate(90, 4096)).contains("Too many metadata items; max 90");
        Metadata large = new Metadata(Map.of("X-Container-Meta-Abc", new Metadata.Item("v".repeat(4094), "1")));
        assertThat(large.validate(90, 4096)).contains("Total metadata too large; max 4096");
        Metadata limit = new Metadata(Map.of("X-Container-Meta-Abc", new Metadata.Item("v".repeat(4093), "1")));
        assertThat(limit.validate(90, 4096)).isEmpty();
    }
}
