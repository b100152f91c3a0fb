package io.ringway.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * python-swiftclient's {@code swift} CLI against Ringway, as a user runs it after
 * {@code ./mvnw spring-boot:run}: v1.0 auth with tempauth's sample user, then stat, post, upload
 * (files, a directory, 200 MiB), list, download, copy, delete, and Swift's errors. Each test has its
 * own containers and local directory; the account stat runs first, on an account nobody used yet.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SwiftCliRealClientsIntegrationTests {

    private static final long BIG = 200L << 20;
    private static final Duration STATS_TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static final RunningTarget target = new RunningTarget(SwiftCli.PROGRAM);

    @Test
    @Order(1)
    void statsTheAccountAfterLoggingInWithV1Auth(@TempDir Path local) throws Exception {
        CliResult stat = cli(local).ok("stat");

        assertThat(stat.stat("Account")).isEqualTo("AUTH_test");
        assertThat(stat.stat("Containers")).isEqualTo("0");
        assertThat(stat.stat("Objects")).isEqualTo("0");
        assertThat(stat.stat("Bytes")).isEqualTo("0");
        assertThat(stat.stat("X-Trans-Id")).startsWith("tx");
        // Every line Swift's answer gives, and no other (a HEAD sent with Transfer-Encoding: chunked
        // showed up here as one more).
        assertThat(stat.lines()).extracting(line -> line.substring(0, line.indexOf(':'))).containsExactlyInAnyOrder(
                "Account", "Containers", "Objects", "Bytes", "Content-Type", "X-Timestamp", "X-Put-Timestamp", "Vary",
                "X-Trans-Id", "X-Openstack-Request-Id");
    }

    @Test
    void showsTheClustersCapabilitiesFromInfo(@TempDir Path local) throws Exception {
        CliResult capabilities = cli(local).ok("capabilities");

        assertThat(capabilities.lines()).startsWith("Core: swift", "Options:");
        // Swift's own values; account_autocreate because a new tempauth user's account appears on
        // first use, strict_cors_mode because it is Swift's default.
        assertThat(capabilities.lines()).contains(
                "version: 2.30.1",
                "max_file_size: 5368709122",
                "max_object_name_length: 1024",
                "container_listing_limit: 10000",
                "account_autocreate: True",
                "strict_cors_mode: True",
                "Additional middleware: tempauth",
                "account_acls: True");
        assertThat(capabilities.lines()).anySatisfy(line -> assertThat(line).startsWith("policies: [{'name': ")
                .contains("'default': True"));
    }

    @Test
    void postsContainerMetadataAndAPublicReadAclThatLetsAnonymousReadersIn(@TempDir Path local) throws Exception {
        SwiftCli cli = cli(local);
        Files.writeString(local.resolve("hello.txt"), "hello, world\n");

        cli.ok("post", "-r", ".r:*,.rlistings", "-m", "Color:blue", "public");
        cli.ok("upload", "public", "hello.txt");

        CliResult stat = cli.ok("stat", "public");
        assertThat(stat.stat("Read ACL")).isEqualTo(".r:*,.rlistings");
        assertThat(stat.stat("Meta Color")).isEqualTo("blue");
        assertThat(stat.stat("Objects")).isEqualTo("1");
        String storageUrl = storageUrl(cli);
        HttpResponse<String> anonymous = anonymousGet(storageUrl + "/public/hello.txt");
        HttpResponse<String> anonymousListing = anonymousGet(storageUrl + "/public");
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.body()).isEqualTo("hello, world\n");
        assertThat(anonymousListing.statusCode()).isEqualTo(200);
        assertThat(anonymousListing.body()).isEqualTo("hello.txt\n");
    }

    @Test
    void uploadsFilesAndADirectoryAndDownloadsThemByteForByte(@TempDir Path local) throws Exception {
        SwiftCli cli = cli(local);
        Path up = local.resolve("up");
        List<Path> files = List.of(
                TestFiles.random(up.resolve("empty.bin"), 0, 1),
                TestFiles.random(up.resolve("one.bin"), 1, 2),
                TestFiles.random(up.resolve("dir/a.bin"), 65_537, 3),
                TestFiles.random(up.resolve("dir/sub/b.bin"), 3 << 20, 4));

        CliResult upload = cli.in(up).ok("upload", "files", "empty.bin", "one.bin", "dir");
        assertThat(upload.lines()).containsExactlyInAnyOrder("empty.bin", "one.bin", "dir/a.bin", "dir/sub/b.bin");

        cli.ok("download", "files", "-D", "down");
        for (Path file : files) {
            Path downloaded = local.resolve("down").resolve(up.relativize(file));
            assertThat(downloaded).hasSize(Files.size(file));
            assertThat(TestFiles.md5(downloaded)).isEqualTo(TestFiles.md5(file));
        }
    }

    @Test
    void listsObjectsWithPrefixDelimiterAndTheLongFormat(@TempDir Path local) throws Exception {
        SwiftCli cli = cli(local);
        List<String> names = List.of("a/b/1", "a/b/2", "a/c", "z.txt");
        for (int i = 0; i < names.size(); i++) {
            TestFiles.random(local.resolve(names.get(i)), 10L * (i + 1), i);
        }
        cli.ok("upload", "listing", "a/b/1", "a/b/2", "a/c", "z.txt");

        assertThat(cli.ok("list", "listing").lines()).containsExactly("a/b/1", "a/b/2", "a/c", "z.txt");
        assertThat(cli.ok("list", "listing", "--prefix", "a/").lines()).containsExactly("a/b/1", "a/b/2", "a/c");
        assertThat(cli.ok("list", "listing", "--prefix", "a/", "--delimiter", "/").lines())
                .containsExactly("a/b/", "a/c");
        assertThat(cli.ok("list", "listing", "--delimiter", "/").lines()).containsExactly("a/", "z.txt");
        assertThat(cli.ok("list").lines()).contains("listing");

        // --long: size, last modified (UTC), content type, name; then the total size.
        List<String> longFormat = cli.ok("list", "listing", "--long").lines();
        assertThat(longFormat).hasSize(5);
        for (int i = 0; i < names.size(); i++) {
            String type = names.get(i).endsWith(".txt") ? "text/plain" : "application/octet-stream";
            assertThat(longFormat.get(i)).matches((10 * (i + 1)) + " \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d +"
                    + Pattern.quote(type) + " " + Pattern.quote(names.get(i)));
        }
        assertThat(longFormat.get(4)).isEqualTo("100");
        List<String> grouped = cli.ok("list", "listing", "--long", "--prefix", "a/", "--delimiter", "/").lines();
        assertThat(grouped).hasSize(3);
        assertThat(grouped.get(0)).matches("0 +None a/b/");
        assertThat(grouped.get(1)).isEqualTo(longFormat.get(2));
        assertThat(grouped.get(2)).isEqualTo("30");
    }

    @Test
    void uploadsAndDownloadsA200MiBObjectWhoseEtagIsTheFilesMd5(@TempDir Path local) throws Exception {
        SwiftCli cli = cli(local);
        Path big = TestFiles.random(local.resolve("big.bin"), BIG, 200);
        String md5 = TestFiles.md5(big);

        // The CLI hashes what it sends and fails the upload when the returned ETag differs.
        CliResult upload = cli.ok("upload", "big", "big.bin");
        CliResult stat = cli.ok("stat", "big", "big.bin");
        // The download is hashed too and fails on a mismatch with the ETag header.
        CliResult download = cli.ok("download", "big", "big.bin", "-o", "downloaded.bin");

        System.out.printf("swift CLI, 200 MiB: upload %d ms, download %d ms%n", upload.took().toMillis(),
                download.took().toMillis());
        assertThat(stat.stat("ETag")).isEqualTo(md5);
        assertThat(stat.stat("Content Length")).isEqualTo(String.valueOf(BIG));
        assertThat(local.resolve("downloaded.bin")).hasSize(BIG);
        assertThat(TestFiles.md5(local.resolve("downloaded.bin"))).isEqualTo(md5);
    }

    @Test
    void statsAnObjectAndReplacesItsMetadataWithPost(@TempDir Path local) throws Exception {
        SwiftCli cli = cli(local);
        Path file = TestFiles.random(local.resolve("notes.txt"), 1234, 5);
        cli.ok("upload", "meta", "notes.txt");

        CliResult stat = cli.ok("stat", "meta", "notes.txt");
        assertThat(stat.stat("Account")).isEqualTo("AUTH_test");
        assertThat(stat.stat("Container")).isEqualTo("meta");
        assertThat(stat.stat("Object")).isEqualTo("notes.txt");
        assertThat(stat.stat("Content Type")).isEqualTo("text/plain");
        assertThat(stat.stat("Content Length")).isEqualTo("1234");
        assertThat(stat.stat("ETag")).isEqualTo(TestFiles.md5(file));
        assertThat(stat.stat("Meta Mtime")).matches("\\d+\\.\\d+");
        assertThat(stat.stat("Last Modified")).matches("\\w{3}, \\d\\d \\w{3} \\d{4} \\d\\d:\\d\\d:\\d\\d GMT");
        assertThat(stat.stat("X-Timestamp")).matches("\\d+\\.\\d{5}");
        assertThat(stat.stat("Accept-Ranges")).isEqualTo("bytes");

        cli.ok("post", "meta", "notes.txt", "-m", "Color:blue", "-H", "Content-Type:application/x-notes");

        // A POST replaces all user metadata: the Mtime the upload set is gone.
        CliResult posted = cli.ok("stat", "meta", "notes.txt");
        assertThat(posted.stat("Meta Color")).isEqualTo("blue");
        assertThat(posted.out()).doesNotContain("Meta Mtime");
        assertThat(posted.stat("Content Type")).isEqualTo("application/x-notes");
        assertThat(posted.stat("ETag")).isEqualTo(stat.stat("ETag"));
    }

    @Test
    void copiesAnObjectServerSideWithItsMetadata(@TempDir Path local) throws Exception {
        SwiftCli cli = cli(local);
        Path file = TestFiles.random(local.resolve("source.bin"), 5 << 20, 6);
        cli.ok("upload", "copysrc", "source.bin");
        cli.ok("post", "copysrc", "source.bin", "-m", "Color:blue");

        CliResult copy = cli.ok("copy", "copysrc", "source.bin", "--destination", "/copydst/copied.bin");

        assertThat(copy.out()).contains("copysrc/source.bin copied to /copydst/copied.bin");
        assertThat(cli.ok("stat", "copydst", "copied.bin").stat("Meta Color")).isEqualTo("blue");
        cli.ok("download", "copydst", "copied.bin", "-o", "copied.bin");
        assertThat(TestFiles.md5(local.resolve("copied.bin"))).isEqualTo(TestFiles.md5(file));
    }

    @Test
    void deletesObjectsAndThenTheContainerWithWhatIsLeftInIt(@TempDir Path local) throws Exception {
        SwiftCli cli = cli(local);
        TestFiles.random(local.resolve("keep.bin"), 100, 7);
        TestFiles.random(local.resolve("drop.bin"), 100, 8);
        cli.ok("upload", "doomed", "keep.bin", "drop.bin");

        assertThat(cli.ok("delete", "doomed", "drop.bin").lines()).containsExactly("drop.bin");
        assertThat(cli.ok("list", "doomed").lines()).containsExactly("keep.bin");
        assertThat(cli.ok("delete", "doomed").lines()).containsExactly("keep.bin", "doomed");

        CliResult gone = cli.run("stat", "doomed");
        assertThat(gone.exitCode()).as(gone.describe()).isEqualTo(1);
        assertThat(gone.err()).isEqualTo("Container 'doomed' not found\n");
        assertThat(cli.ok("list").lines()).doesNotContain("doomed");
    }

    @Test
    void reportsMissingObjectsContainersAndBadKeysAsSwiftDoes(@TempDir Path local) throws Exception {
        SwiftCli cli = cli(local);
        cli.ok("post", "errors");
        String url = storageUrl(cli) + "/errors/missing";

        CliResult download = cli.run("download", "errors", "missing");
        CliResult stat = cli.run("stat", "errors", "missing");
        CliResult delete = cli.run("delete", "errors", "missing");
        CliResult container = cli.run("list", "nowhere");
        CliResult badKey = new SwiftCli(new ClientEndpoint(target.get().endpoint().authUrl(), "test:tester",
                "wrong"), local).run("stat");

        assertThat(download.exitCode()).as(download.describe()).isEqualTo(1);
        assertThat(download.err()).isEqualTo("Object 'errors/missing' not found\n");
        assertThat(stat.exitCode()).as(stat.describe()).isEqualTo(1);
        assertThat(stat.err()).matches(Pattern.quote("Object HEAD failed: " + url + " 404 Not Found")
                + "\nFailed Transaction ID: tx[0-9a-f]{21}-[0-9a-f]{10}\n");
        assertThat(delete.exitCode()).as(delete.describe()).isEqualTo(1);
        assertThat(delete.err()).matches(Pattern.quote("Error Deleting: errors/missing: Object DELETE failed: " + url
                + " 404 Not Found  [first 60 chars of response] b'<html><h1>Not Found</h1><p>The resource could "
                + "not be found.<'") + " \\(txn: tx[0-9a-f]{21}-[0-9a-f]{10}\\)\n");
        assertThat(container.exitCode()).as(container.describe()).isEqualTo(1);
        assertThat(container.err()).isEqualTo("Container 'nowhere' not found\n");
        assertThat(badKey.exitCode()).as(badKey.describe()).isEqualTo(1);
        assertThat(badKey.err()).matches(Pattern.quote("Auth GET failed: " + target.get().endpoint().authUrl()
                + " 401 Unauthorized  [first 60 chars of response] b'<html><h1>Unauthorized</h1><p>This server "
                + "could not verify t'") + "\nFailed Transaction ID: tx[0-9a-f]{21}-[0-9a-f]{10}\n");
    }

    @Test
    void showsAContainersObjectsAndBytesInTheAccountListingOnceTheUpdaterHasRun(@TempDir Path local)
            throws Exception {
        SwiftCli cli = cli(local);
        TestFiles.random(local.resolve("one.bin"), 1000, 9);
        TestFiles.random(local.resolve("two.bin"), 2345, 10);
        cli.ok("upload", "counted", "one.bin", "two.bin");

        // The account learns of the objects from the container updater (every second on both
        // targets), not at once: the listing is polled until it agrees with the container.
        assertThat(cli.ok("stat", "counted").stat("Bytes")).isEqualTo("3345");
        long deadline = System.nanoTime() + STATS_TIMEOUT.toNanos();
        List<String> listing = cli.ok("list", "--long", "--prefix", "counted").lines();
        while (!listing.get(0).matches("2 +3345 .*counted") && System.nanoTime() < deadline) {
            // Polling a server-side timer through a child process: nothing to subscribe to.
            Thread.sleep(500);
            listing = cli.ok("list", "--long", "--prefix", "counted").lines();
        }
        assertThat(listing.get(0)).matches("2 +3345 \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d Policy-0 +counted");
        assertThat(listing.get(1)).matches("2 +3345");
    }

    private SwiftCli cli(Path local) {
        return new SwiftCli(target.get().endpoint(), local);
    }


    /** The account's URL, from {@code swift auth}'s {@code export OS_STORAGE_URL=...}. */
    private static String storageUrl(SwiftCli cli) throws Exception {
        String prefix = "export OS_STORAGE_URL=";
        return cli.ok("auth").lines().stream()
                .filter(line -> line.startsWith(prefix))
                .map(line -> line.substring(prefix.length()))
                .findFirst()
                .orElseThrow();
    }

    private static HttpResponse<String> anonymousGet(String url) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
