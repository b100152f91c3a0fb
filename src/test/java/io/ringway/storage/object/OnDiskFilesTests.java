package io.ringway.storage.object;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.swift.Timestamp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files of a hash directory count, and which are obsolete, as Swift's get_ondisk_files. */
class OnDiskFilesTests {

    private static final Timestamp LONG_AGO = new Timestamp(0, 0);

    @TempDir
    Path dir;

    @Test
    void newestDataWinsWithNewerMetaAndOlderFilesAreObsolete() throws IOException {
        touch("0000000001.00000.data", "0000000002.00000.ts", "0000000003.00000.data", "0000000004.00000.meta",
                "0000000005.00000.meta", "junk", ".lock");
        OnDiskFiles files = OnDiskFiles.list(dir, LONG_AGO);
        assertThat(files.data().path().getFileName()).hasToString("0000000003.00000.data");
        assertThat(files.meta().path().getFileName()).hasToString("0000000005.00000.meta");
        assertThat(files.tombstone()).isNull();
        assertThat(files.obsolete()).extracting(path -> path.getFileName().toString())
                .containsExactlyInAnyOrder("0000000004.00000.meta", "0000000002.00000.ts", "0000000001.00000.data");
    }

    @Test
    void newestTombstoneMakesEverythingElseObsolete() throws IOException {
        touch("0000000001.00000.data", "0000000002.00000.ts", "0000000003.00000.meta");
        OnDiskFiles files = OnDiskFiles.list(dir, LONG_AGO);
        assertThat(files.tombstone().timestamp()).isEqualTo(Timestamp.parse("2"));
        assertThat(files.data()).isNull();
        assertThat(files.meta()).isNull();
        assertThat(files.obsolete()).hasSize(2);
    }

    @Test
    void tombstoneOlderThanReclaimAgeIsObsolete() throws IOException {
        touch("0000000002.00000.ts");
        OnDiskFiles files = OnDiskFiles.list(dir, Timestamp.parse("3"));
        assertThat(files.tombstone()).isNull();
        assertThat(files.obsolete()).hasSize(1);
    }

    @Test
    void missingDirectoryHasNothing() throws IOException {
        OnDiskFiles files = OnDiskFiles.list(dir.resolve("absent"), LONG_AGO);
        assertThat(files.data()).isNull();
        assertThat(files.obsolete()).isEmpty();
    }

    private void touch(String... names) throws IOException {
        for (String name : names) {
            Files.createFile(dir.resolve(name));
        }
    }
}
