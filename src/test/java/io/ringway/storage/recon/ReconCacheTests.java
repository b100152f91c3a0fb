package io.ringway.storage.recon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Swift's recon cache semantics: dump_recon_cache's merge, and _from_recon_cache's reads. */
class ReconCacheTests {

    @TempDir
    Path dir;

    @Test
    void writesOneLineOfSortedJsonAsSwiftDoes() throws Exception {
        ReconCache cache = new ReconCache(dir.resolve("cache"));
        Map<String, Object> entries = new LinkedHashMap<>();
        entries.put("object_updater_sweep", 0.5);
        entries.put("async_pending", 3);
        cache.dump(ReconFile.OBJECT, entries);

        assertThat(Files.readString(dir.resolve("cache/object.recon")))
                .isEqualTo("{\"async_pending\":3,\"object_updater_sweep\":0.5}\n");
    }

    @Test
    void mergesNewKeysIntoTheFileAndReadsMissingOnesAsNull() {
        ReconCache cache = new ReconCache(dir);
        cache.dump(ReconFile.CONTAINER, Map.of("container_updater_sweep", 1.5));
        cache.dump(ReconFile.CONTAINER, Map.of("container_audits_passed", 4));

        Map<String, Object> read = cache.read(ReconFile.CONTAINER,
                List.of("container_audits_passed", "container_updater_sweep", "container_audits_failed"));
        assertThat(read).containsEntry("container_audits_passed", 4)
                .containsEntry("container_updater_sweep", 1.5)
                .containsEntry("container_audits_failed", null);
        assertThat(read.keySet()).containsExactly("container_audits_passed", "container_updater_sweep",
                "container_audits_failed");
    }

    @Test
    void mergesNestedMapsKeyByKeyAndAnEmptyMapClears() {
        ReconCache cache = new ReconCache(dir);
        cache.dump(ReconFile.OBJECT, Map.of("object_auditor_stats_ALL", Map.of("d1", Map.of("passes", 1))));
        cache.dump(ReconFile.OBJECT, Map.of("object_auditor_stats_ALL", Map.of("d2", Map.of("passes", 2))));
        assertThat(cache.readAll(ReconFile.OBJECT).get("object_auditor_stats_ALL"))
                .isEqualTo(Map.of("d1", Map.of("passes", 1), "d2", Map.of("passes", 2)));

        cache.dump(ReconFile.OBJECT, Map.of("object_auditor_stats_ALL", Map.of("d1", Map.of())));
        assertThat(cache.readAll(ReconFile.OBJECT).get("object_auditor_stats_ALL"))
                .isEqualTo(Map.of("d2", Map.of("passes", 2)));

        cache.dump(ReconFile.OBJECT, Map.of("object_auditor_stats_ALL", Map.of()));
        assertThat(cache.readAll(ReconFile.OBJECT)).doesNotContainKey("object_auditor_stats_ALL");
    }

    @Test
    void aTornFileReadsAsEmptyAndIsRewrittenByTheNextDump() throws Exception {
        Files.writeString(dir.resolve("account.recon"), "{\"account_audits_passed\": 3");
        ReconCache cache = new ReconCache(dir);
        assertThat(cache.read(ReconFile.ACCOUNT, List.of("account_audits_passed")))
                .containsEntry("account_audits_passed", null);

        cache.dump(ReconFile.ACCOUNT, Map.of("account_audits_failed", 0));
        assertThat(cache.readAll(ReconFile.ACCOUNT)).isEqualTo(Map.of("account_audits_failed", 0));
    }

    @Test
    void readsAFileSwiftsDaemonsWrote() throws Exception {
        // as dump_recon_cache writes it: json.dumps(..., sort_keys=True), spaces after separators
        Files.writeString(dir.resolve("object.recon"),
                "{\"async_pending\": 2, \"async_pending_last\": 1700000000.123, \"object_updater_sweep\": 0.01}\n");
        assertThat(new ReconCache(dir).read(ReconFile.OBJECT, List.of("async_pending", "async_pending_last")))
                .containsEntry("async_pending", 2)
                .containsEntry("async_pending_last", 1700000000.123);
    }
}
