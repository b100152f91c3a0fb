package io.ringway.clients;

import static io.ringway.clients.Rclone.remote;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * rclone's Swift backend against Ringway, configured as a user would (v1 auth, tempauth's sample
 * user): containers made and removed, a directory tree copied up and down with its modification
 * times (rclone keeps them in {@code X-Object-Meta-Mtime}) and MD5s ({@code rclone check} compares
 * them with Swift's ETags), server-side moves, and 200 MiB up and down. Each test has its own containers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RcloneRealClientsIntegrationTests {

    private static final long BIG = 200L << 20;
    private static final Instant MTIME = Instant.parse("2020-01-02T03:04:05.123456789Z");

    @RegisterExtension
    static final RunningTarget target = new RunningTarget(Rclone.PROGRAM);

    @Test
    void makesAContainerThatListsAsABucket(@TempDir Path local) throws Exception {
        Rclone rclone = rclone(local);

        rclone.ok("mkdir", remote("made"));

        assertThat(rclone.ok("lsd", remote("")).lines()).anySatisfy(line -> assertThat(line).endsWith(" made"));
        JsonNode made = byPath(rclone.lsjson(remote(""))).get("made");
        assertThat(made).isNotNull();
        assertThat(made.get("IsDir").asBoolean()).isTrue();
        assertThat(made.get("IsBucket").asBoolean()).isTrue();
    }

    @Test
    void copiesADirectoryUpAndDownKeepingSizesModTimesAndHashes(@TempDir Path local) throws Exception {
        Rclone rclone = rclone(local);
        Path up = local.resolve("up");
        List<Path> files = List.of(
                TestFiles.random(up.resolve("empty.bin"), 0, 1),
                TestFiles.random(up.resolve("notes.txt"), 4321, 2),
                TestFiles.random(up.resolve("sub/a.bin"), 65_537, 3),
                TestFiles.random(up.resolve("sub/deeper/b.bin"), 3 << 20, 4));
        for (int i = 0; i < files.size(); i++) {
            Files.setLastModifiedTime(files.get(i), FileTime.from(MTIME.plusSeconds(i)));
        }

        rclone.ok("copy", up.toString(), remote("tree/dir"));

        Map<String, JsonNode> listed = byPath(rclone.lsjson("-R", "--files-only", "--hash", remote("tree/dir")));
        assertThat(listed).containsOnlyKeys("empty.bin", "notes.txt", "sub/a.bin", "sub/deeper/b.bin");
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            JsonNode entry = listed.get(up.relativize(file).toString());
            assertThat(entry.get("Size").asLong()).isEqualTo(Files.size(file));
            assertThat(Instant.parse(entry.get("ModTime").asString())).isEqualTo(MTIME.plusSeconds(i));
            assertThat(entry.get("Hashes").get("md5").asString()).isEqualTo(TestFiles.md5(file));
        }
        assertThat(rclone.ok("ls", remote("tree")).lines()).hasSize(4);
        CliResult check = rclone.ok("check", up.toString(), remote("tree/dir"));
        assertThat(check.err()).contains("0 differences found").contains("4 matching files");

        Path down = local.resolve("down");
        rclone.ok("copy", remote("tree/dir"), down.toString());
        for (int i = 0; i < files.size(); i++) {
            Path downloaded = down.resolve(up.relativize(files.get(i)));
            assertThat(TestFiles.md5(downloaded)).isEqualTo(TestFiles.md5(files.get(i)));
            assertThat(Files.getLastModifiedTime(downloaded).toInstant()).isEqualTo(MTIME.plusSeconds(i));
        }
    }

    @Test
    void movesAnObjectWithAServerSideCopy(@TempDir Path local) throws Exception {
        Rclone rclone = rclone(local);
        Path file = TestFiles.random(local.resolve("moving.bin"), 100_000, 5);
        Files.setLastModifiedTime(file, FileTime.from(MTIME));
        rclone.ok("copy", file.toString(), remote("moves"));

        CliResult move = rclone.ok("moveto", "-v", remote("moves/moving.bin"), remote("moves/moved/here.bin"));

        assertThat(move.err()).contains("moving.bin: Copied (server-side copy) to: here.bin");
        Map<String, JsonNode> listed = byPath(rclone.lsjson("-R", "--files-only", "--hash", remote("moves")));
        assertThat(listed).containsOnlyKeys("moved/here.bin");
        assertThat(listed.get("moved/here.bin").get("Hashes").get("md5").asString()).isEqualTo(TestFiles.md5(file));
        assertThat(Instant.parse(listed.get("moved/here.bin").get("ModTime").asString())).isEqualTo(MTIME);
    }

    @Test
    void deletesObjectsAndRemovesOnlyAnEmptyContainer(@TempDir Path local) throws Exception {
        Rclone rclone = rclone(local);
        Path up = local.resolve("up");
        TestFiles.random(up.resolve("a.bin"), 10, 6);
        TestFiles.random(up.resolve("b/c.bin"), 20, 7);
        rclone.ok("copy", up.toString(), remote("deletions"));

        CliResult notEmpty = rclone.run("rmdir", remote("deletions"));
        assertThat(notEmpty.exitCode()).as(notEmpty.describe()).isNotZero();
        assertThat(notEmpty.err()).contains("Failed to rmdir: Container Not Empty");

        rclone.ok("delete", remote("deletions"));
        assertThat(rclone.ok("ls", remote("deletions")).lines()).isEmpty();
        rclone.ok("rmdir", remote("deletions"));

        assertThat(byPath(rclone.lsjson(remote("")))).doesNotContainKey("deletions");
        CliResult gone = rclone.run("ls", remote("deletions"));
        assertThat(gone.exitCode()).as(gone.describe()).isEqualTo(3);
        assertThat(gone.err()).contains("directory not found");
    }

    @Test
    void copiesA200MiBFileUpAndDownAndChecksItsHash(@TempDir Path local) throws Exception {
        Rclone rclone = rclone(local);
        Path big = TestFiles.random(local.resolve("up/big.bin"), BIG, 200);
        String md5 = TestFiles.md5(big);

        CliResult upload = rclone.ok("copy", local.resolve("up").toString(), remote("big"));
        CliResult check = rclone.ok("check", local.resolve("up").toString(), remote("big"));
        CliResult download = rclone.ok("copy", remote("big/big.bin"), local.resolve("down").toString());

        System.out.printf("rclone, 200 MiB: upload %d ms, download %d ms%n", upload.took().toMillis(),
                download.took().toMillis());
        assertThat(check.err()).contains("0 differences found").contains("1 matching files");
        assertThat(rclone.ok("md5sum", remote("big")).lines()).containsExactly(md5 + "  big.bin");
        assertThat(local.resolve("down/big.bin")).hasSize(BIG);
        assertThat(TestFiles.md5(local.resolve("down/big.bin"))).isEqualTo(md5);
    }

    private Rclone rclone(Path local) {
        return new Rclone(target.get().endpoint(), local);
    }


    private static Map<String, JsonNode> byPath(List<JsonNode> entries) {
        return entries.stream().collect(Collectors.toMap(entry -> entry.get("Path").asString(), Function.identity()));
    }
}
