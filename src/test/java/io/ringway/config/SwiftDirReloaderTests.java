package io.ringway.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.policy.StoragePolicy;
import io.ringway.policy.SwiftConf;
import io.ringway.ring.Device;
import io.ringway.ring.RingBuilder;
import io.ringway.ring.RingFileWriter;
import io.ringway.ring.Rings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SwiftDirReloaderTests {

    private static final String HASH = "[swift-hash]\nswift_hash_path_suffix = s\n";
    private static final String GOLD = "[storage-policy:0]\nname = gold\ndefault = yes\n";

    @TempDir
    Path dir;

    private SwiftConf started;
    private Rings rings;
    private SwiftDirReloader reloader;

    @BeforeEach
    void start() throws IOException {
        swiftConf(HASH + GOLD);
        for (String ring : List.of("account", "container", "object")) {
            RingFileWriter.write(ring(3), Rings.file(dir, ring));
        }
        started = SwiftConf.load(dir);
        rings = Rings.load(dir, started);
        reloader = new SwiftDirReloader(dir, started, rings, Duration.ofSeconds(15));
    }

    @Test
    void aPolicyAddedToSwiftConfIsUsedWithItsRing() throws IOException {
        RingFileWriter.write(ring(4), Rings.file(dir, "object-1"));
        swiftConf(HASH + "[storage-policy:0]\nname = gold\n[storage-policy:1]\nname = silver\ndefault = yes\n");

        reloader.reloadIfChanged();

        assertThat(started.policies().byName("silver")).map(StoragePolicy::index).hasValue(1);
        assertThat(started.policies().defaultPolicy().name()).isEqualTo("silver");
        assertThat(rings.object(1).devices()).hasSize(4);
    }

    @Test
    void aNewPolicyWithoutItsRingIsNotTaken() throws IOException {
        swiftConf(HASH + GOLD + "[storage-policy:1]\nname = silver\n");

        reloader.reloadIfChanged();

        assertThat(started.policies().byName("silver")).isEmpty();
        assertThat(started.policies().all()).hasSize(1);
    }

    @Test
    void aChangedHashPathOrABrokenFileKeepsThePoliciesInUse() throws IOException {
        RingFileWriter.write(ring(4), Rings.file(dir, "object-1"));
        swiftConf("[swift-hash]\nswift_hash_path_suffix = other\n" + GOLD + "[storage-policy:1]\nname = silver\n");
        reloader.reloadIfChanged();
        assertThat(started.policies().byName("silver")).isEmpty();

        swiftConf(HASH + "[storage-policy:1]\nname = silver\n");
        reloader.reloadIfChanged();
        assertThat(started.policies().byName("gold")).isPresent();
        assertThat(started.policies().byName("silver")).isEmpty();
    }

    @Test
    void renamesAndDeprecationsTakeEffect() throws IOException {
        swiftConf(HASH + "[storage-policy:0]\nname = platinum\naliases = gold\ndefault = yes\n");

        reloader.reloadIfChanged();

        assertThat(started.policies().byName("platinum")).isPresent();
        assertThat(started.policies().byName("gold")).map(StoragePolicy::name).hasValue("platinum");
    }

    private void swiftConf(String text) throws IOException {
        Files.writeString(dir.resolve(SwiftConf.FILE_NAME), text);
    }

    private static io.ringway.ring.RingData ring(int devices) {
        List<Device> list = new ArrayList<>();
        for (int id = 0; id < devices; id++) {
            list.add(Device.of(id, 1, id + 1, "10.0.0." + id, 6200, "sda", 1));
        }
        return RingBuilder.build(list, 6, 3, 1);
    }
}
