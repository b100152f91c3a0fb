package io.ringway.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringway.policy.SwiftConf;
import io.ringway.swift.HashPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RingHolderTests {

    private static final HashPath HASH = new HashPath("", "suffix");

    @TempDir
    Path dir;

    @Test
    void keepsTheRingWhileTheFileIsUnchanged() throws IOException {
        Path file = write("object.ring.gz", ring(3), 1000);
        RingHolder holder = RingHolder.load(file, HASH);
        Ring first = holder.ring();

        assertThat(holder.reloadIfChanged()).isFalse();
        assertThat(holder.ring()).isSameAs(first);
    }

    @Test
    void swapsInAChangedRing() throws IOException {
        Path file = write("object.ring.gz", ring(3), 1000);
        RingHolder holder = RingHolder.load(file, HASH);

        write("object.ring.gz", ring(4), 2000);

        assertThat(holder.reloadIfChanged()).isTrue();
        assertThat(holder.ring().devices()).hasSize(4);
    }

    @Test
    void keepsTheLastGoodRingWhenTheNewFileIsCorrupt() throws IOException {
        Path file = write("object.ring.gz", ring(3), 1000);
        RingHolder holder = RingHolder.load(file, HASH);
        Ring good = holder.ring();

        Files.write(file, new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3});
        Files.setLastModifiedTime(file, FileTime.from(Instant.ofEpochSecond(2000)));

        assertThat(holder.reloadIfChanged()).isFalse();
        assertThat(holder.ring()).isSameAs(good);
        assertThat(holder.reloadIfChanged()).as("the broken version is not re-read").isFalse();

        write("object.ring.gz", ring(5), 3000);
        assertThat(holder.reloadIfChanged()).isTrue();
        assertThat(holder.ring().devices()).hasSize(5);
    }

    @Test
    void keepsTheLastGoodRingWhenTheFileDisappears() throws IOException {
        Path file = write("object.ring.gz", ring(3), 1000);
        RingHolder holder = RingHolder.load(file, HASH);

        Files.delete(file);

        assertThat(holder.reloadIfChanged()).isFalse();
        assertThat(holder.ring().devices()).hasSize(3);
    }

    @Test
    void failsAtStartupOnACorruptRing() throws IOException {
        Path file = dir.resolve("object.ring.gz");
        Files.write(file, new byte[] {1, 2, 3});

        assertThatThrownBy(() -> RingHolder.load(file, HASH))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("ring file " + file);
    }

    @Test
    void loadsTheRingOfEachReplicationPolicyByItsFileName() throws IOException {
        SwiftConf conf = SwiftConf.parse("""
                [swift-hash]
                swift_hash_path_suffix = suffix
                [storage-policy:0]
                name = gold
                default = yes
                [storage-policy:2]
                name = silver
                [storage-policy:3]
                name = remote
                policy_type = federated
                target = elsewhere
                """);
        write("account.ring.gz", ring(3), 1000);
        write("container.ring.gz", ring(4), 1000);
        write("object.ring.gz", ring(5), 1000);
        write("object-2.ring.gz", ring(6), 1000);

        Rings rings = Rings.load(dir, conf);

        assertThat(rings.account().devices()).hasSize(3);
        assertThat(rings.container().devices()).hasSize(4);
        assertThat(rings.object(0).devices()).hasSize(5);
        assertThat(rings.object(2).devices()).hasSize(6);
        assertThatThrownBy(() -> rings.object(3))
                .hasMessage("policy index 3 has no object ring (expected: a replication policy index: [0, 2])");
        assertThat(rings.account().partition("AUTH_test", null, null))
                .isEqualTo(HashPath.partition(HASH.digest("AUTH_test", null, null), 6));

        write("object-2.ring.gz", ring(7), 2000);
        assertThat(rings.reloadIfChanged()).isOne();
        assertThat(rings.object(2).devices()).hasSize(7);
    }

    @Test
    void failsWhenARingFileIsMissing() throws IOException {
        write("account.ring.gz", ring(3), 1000);
        write("container.ring.gz", ring(3), 1000);
        SwiftConf conf = SwiftConf.parse("[swift-hash]\nswift_hash_path_suffix = s\n");

        assertThatThrownBy(() -> Rings.load(dir, conf)).isInstanceOf(NoSuchFileException.class);
    }

    private static RingData ring(int devices) {
        List<Device> list = new ArrayList<>();
        for (int id = 0; id < devices; id++) {
            list.add(Device.of(id, 1, id + 1, "10.0.0." + id, 6200, "sda", 1));
        }
        return RingBuilder.build(list, 6, 3, 1);
    }

    private Path write(String name, RingData data, long mtimeSeconds) throws IOException {
        Path file = dir.resolve(name);
        RingFileWriter.write(data, file);
        // Set distinct times explicitly: file systems with coarse timestamps would hide quick rewrites.
        Files.setLastModifiedTime(file, FileTime.from(Instant.ofEpochSecond(mtimeSeconds)));
        return file;
    }
}
