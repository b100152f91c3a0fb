package io.ringway.storage.proxyfront;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.policy.ReplicationPolicy;
import io.ringway.policy.StoragePolicy;
import io.ringway.storage.conformance.RealSwiftStorage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The storage side's product claim, proven end to end: Debian's {@code swift-proxy-server}
 * 2.30.1, unchanged, runs on Ringway's storage node as its only storage cluster, and the real
 * {@code swift} client works through it. Rings come from Ringway's {@code RingBuilder}; the hash
 * path and policies are those of {@code /etc/swift/swift.conf}, which the proxy insists on.
 * Each test uses its own containers; the one that removes a device runs last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SwiftProxyRealSwiftTests {

    private static final String ACCOUNT = "AUTH_test";
    private static final int SMALL = 1000;
    private static final int FIVE_MB = 5 * 1024 * 1024;
    private static final int SEGMENT = 1024 * 1024;
    private static final Duration STATS_TIMEOUT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path base;

    @TempDir
    static Path work;

    private @Nullable ProxyFrontCluster cluster;

    // A failing step shows what the proxy saw: its log names every backend error.
    @RegisterExtension
    final AfterTestExecutionCallback proxyLogOnFailure = context -> {
        if (context.getExecutionException().isPresent() && cluster != null) {
            System.err.println(cluster.proxyLog());
        }
    };

    @BeforeAll
    void startCluster() throws Exception {
        RealSwiftStorage.requireTierEnabled("Swift's proxy over Ringway's storage node");
        for (String program : List.of(ProxyFrontCluster.PROXY, ProxyFrontCluster.CLIENT, ProxyFrontCluster.MEMCACHED)) {
            if (!Files.isExecutable(Path.of(program))) {
                // Asked for explicitly, the tier must run: a missing program is then a failure.
                if (Boolean.getBoolean(RealSwiftStorage.ENABLED_PROPERTY)) {
                    throw new AssertionError(program + " is not installed (.ci/run installs it)");
                }
                RealSwiftStorage.skipOrFailInCi(program + " is not installed (.ci/run installs it)");
            }
        }
        long started = System.nanoTime();
        cluster = ProxyFrontCluster.start(base);
        System.out.printf("proxy-front cluster up in %d ms (proxy port %d)%n",
                (System.nanoTime() - started) / 1_000_000, cluster.proxyPort());
    }

    @AfterAll
    void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
            cluster.keepLogs(Path.of("target", "proxyfront-logs"));
        }
    }

    @Test
    @Order(1)
    void authenticatesThroughTempauthAndStatsTheAutocreatedAccount() throws Exception {
        SwiftCli.Result stat = cli().ok("stat");

        assertThat(stat.stat("Account")).isEqualTo(ACCOUNT);
        assertThat(stat.stat("Containers")).isEqualTo("0");
        // No account database yet: the node answers 404 and the proxy (account_autocreate) makes up an
        // empty JSON listing, 200 (listing_formats asks for JSON), where an existing account gives 204.
        assertThat(http().request("HEAD", "").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void storesObjectsOfEveryPolicyOnTheirPrimaryDevicesAndReadsThemBackByteForByte() throws Exception {
        Path small = file("small.bin", SMALL);
        Path large = file("large.bin", FIVE_MB);
        for (ReplicationPolicy policy : replicationPolicies()) {
            String container = "policy" + policy.index();
            cli().ok("post", "-H", "X-Storage-Policy:" + policy.name(), container);
            HttpResponse<byte[]> head = http().request("HEAD", "/" + container);
            assertThat(head.headers().firstValue("X-Storage-Policy")).hasValue(policy.name());

            long uploadStarted = System.nanoTime();
            cli().ok("upload", container, "small.bin", "large.bin");
            System.out.printf("policy %s: uploaded 1000 B + 5 MiB in %d ms%n", policy.name(),
                    (System.nanoTime() - uploadStarted) / 1_000_000);

            for (Path file : List.of(small, large)) {
                String object = file.getFileName().toString();
                assertDownloadEquals(container, object, file);
                replicas().assertOnPrimaries(policy, container, object, ".data");
            }
            assertThat(cli().ok("list", container).lines()).containsExactly("large.bin", "small.bin");
        }
    }

    @Test
    @Order(3)
    void listsWithPrefixAndDelimiter() throws Exception {
        for (String name : List.of("a/b/1", "a/b/2", "a/c", "z")) {
            file(name, 10);
        }
        cli().ok("upload", "listing", "a/b/1", "a/b/2", "a/c", "z");

        assertThat(cli().ok("list", "listing").lines()).containsExactly("a/b/1", "a/b/2", "a/c", "z");
        assertThat(cli().ok("list", "listing", "--prefix", "a/").lines()).containsExactly("a/b/1", "a/b/2", "a/c");
        assertThat(cli().ok("list", "listing", "--prefix", "a/", "--delimiter", "/").lines())
                .containsExactly("a/b/", "a/c");
        assertThat(cli().ok("list", "listing", "--delimiter", "/").lines()).containsExactly("a/", "z");
    }

    @Test
    @Order(4)
    void postsObjectAndContainerMetadataAndStatsIt() throws Exception {
        file("meta.bin", SMALL);
        cli().ok("upload", "meta", "meta.bin");

        cli().ok("post", "meta", "meta.bin", "-m", "Color:blue");
        cli().ok("post", "meta", "-m", "Owner:ringway");

        assertThat(cli().ok("stat", "meta", "meta.bin").stat("Meta Color")).isEqualTo("blue");
        assertThat(cli().ok("stat", "meta").stat("Meta Owner")).isEqualTo("ringway");
        HttpResponse<byte[]> head = http().request("HEAD", "/meta/meta.bin");
        assertThat(head.headers().firstValue("X-Object-Meta-Color")).hasValue("blue");
        assertThat(head.headers().firstValue("Content-Length")).hasValue(String.valueOf(SMALL));
    }

    @Test
    @Order(5)
    void servesRangedGets() throws Exception {
        Path large = file("ranged.bin", FIVE_MB);
        cli().ok("upload", "ranged", "ranged.bin");
        byte[] bytes = Files.readAllBytes(large);

        HttpResponse<byte[]> range = http().request("GET", "/ranged/ranged.bin", "Range", "bytes=1048570-1048589");
        HttpResponse<byte[]> suffix = http().request("GET", "/ranged/ranged.bin", "Range", "bytes=-7");

        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.headers().firstValue("Content-Range")).hasValue("bytes 1048570-1048589/" + FIVE_MB);
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(bytes, 1048570, 1048590));
        assertThat(suffix.statusCode()).isEqualTo(206);
        assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(bytes, FIVE_MB - 7, FIVE_MB));
    }

    @Test
    @Order(6)
    void copiesObjectsServerSide() throws Exception {
        Path source = file("source.bin", FIVE_MB);
        cli().ok("upload", "copysrc", "source.bin");
        cli().ok("post", "copydst");

        cli().ok("copy", "copysrc", "source.bin", "--destination", "/copydst/copied.bin");

        assertDownloadEquals("copydst", "copied.bin", source);
        replicas().assertOnPrimaries(policyZero(), "copydst", "copied.bin", ".data");
    }

    @Test
    @Order(7)
    void uploadsSegmentedObjectsAsStaticAndDynamicLargeObjects() throws Exception {
        Path slo = file("slo.bin", FIVE_MB);
        Path dlo = file("dlo.bin", FIVE_MB);
        String segmentSize = String.valueOf(SEGMENT);

        cli().ok("upload", "--segment-size", segmentSize, "--use-slo", "large", "slo.bin");
        cli().ok("upload", "--segment-size", segmentSize, "large", "dlo.bin");

        assertDownloadEquals("large", "slo.bin", slo);
        assertDownloadEquals("large", "dlo.bin", dlo);
        assertThat(http().request("HEAD", "/large/slo.bin").headers().firstValue("X-Static-Large-Object"))
                .hasValue("True");
        assertThat(http().request("HEAD", "/large/dlo.bin").headers().firstValue("X-Object-Manifest"))
                .hasValueSatisfying(prefix -> assertThat(prefix).startsWith("large_segments/dlo.bin/"));
        assertThat(cli().ok("list", "large_segments").lines()).hasSize(2 * FIVE_MB / SEGMENT);
        HttpResponse<byte[]> range = http().request("GET", "/large/slo.bin", "Range", "bytes=1048000-1049999");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(Files.readAllBytes(slo), 1048000, 1050000));
    }

    @Test
    @Order(8)
    void deletesObjectsLeavingTombstonesOnTheReplicas() throws Exception {
        file("doomed.bin", SMALL);
        cli().ok("upload", "deletes", "doomed.bin");

        cli().ok("delete", "deletes", "doomed.bin");

        assertThat(http().request("HEAD", "/deletes/doomed.bin").statusCode()).isEqualTo(404);
        assertThat(cli().ok("list", "deletes").lines()).isEmpty();
        replicas().assertOnPrimaries(policyZero(), "deletes", "doomed.bin", ".ts");
        cli().ok("delete", "deletes");
        assertThat(http().request("HEAD", "/deletes").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(9)
    void reportsContainerAndAccountStatsMatchingWhatWasUploaded() throws Exception {
        SwiftCli stats = new SwiftCli(cluster().authUrl(), ProxyServerConf.STATS_USER, work);
        file("one.bin", 1000);
        file("two.bin", 2000);
        file("three.bin", 3000);
        ReplicationPolicy other = replicationPolicies().stream()
                .filter(p -> p.index() != 0)
                .findFirst()
                .orElse(policyZero());
        stats.ok("post", "-H", "X-Storage-Policy:" + policyZero().name(), "zero");
        stats.ok("post", "-H", "X-Storage-Policy:" + other.name(), "other");
        stats.ok("upload", "zero", "one.bin", "two.bin");
        stats.ok("upload", "other", "three.bin");

        SwiftCli.Result zero = stats.ok("stat", "zero");
        assertThat(zero.stat("Objects")).isEqualTo("2");
        assertThat(zero.stat("Bytes")).isEqualTo("3000");
        assertThat(stats.ok("stat", "other").stat("Bytes")).isEqualTo("3000");
        // Containers report to the account through the node's container updater, asynchronously.
        long started = System.nanoTime();
        SwiftCli.Result account = awaitAccount(stats, "3", "6000");
        System.out.printf("account stats caught up in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(account.stat("Containers")).isEqualTo("2");
        HttpResponse<byte[]> head = ProxyHttp.login(cluster().authUrl(), ProxyServerConf.STATS_USER, ProxyServerConf.KEY)
                .request("HEAD", "");
        assertThat(head.statusCode()).isEqualTo(204);
        assertThat(head.headers().firstValue("X-Account-Object-Count")).hasValue("3");
        String policyHeader = "X-Account-Storage-Policy-" + other.name() + "-Bytes-Used";
        assertThat(head.headers().firstValue(policyHeader)).hasValue(other.index() == 0 ? "6000" : "3000");
        HttpResponse<byte[]> listing = ProxyHttp.login(cluster().authUrl(), ProxyServerConf.STATS_USER,
                ProxyServerConf.KEY).request("GET", "?format=json");
        JsonNode containers = JSON.readTree(listing.body());
        assertThat(containers.size()).isEqualTo(2);
        assertThat(containers.get(0).get("name").asString()).isEqualTo("other");
        assertThat(containers.get(0).get("count").asInt()).isEqualTo(1);
        assertThat(containers.get(0).get("bytes").asInt()).isEqualTo(3000);
        assertThat(containers.get(1).get("name").asString()).isEqualTo("zero");
        assertThat(containers.get(1).get("count").asInt()).isEqualTo(2);
        assertThat(containers.get(1).get("bytes").asInt()).isEqualTo(3000);
    }

    @Test
    @Order(100)
    void readsSurviveTheLossOfOneReplicasDevice() throws Exception {
        Path survivor = file("survivor.bin", FIVE_MB);
        cli().ok("upload", "fault", "survivor.bin");
        ReplicationPolicy policy = policyZero();
        int partition = replicas().partition(policy, "fault", "survivor.bin");
        // Policy 0 has 3 replicas on 3 devices: d1, which the proxy reads first (read_affinity), holds one.
        replicas().assertOnPrimaries(policy, "fault", "survivor.bin", ".data");

        replicas().removeDevice("d1");

        HttpResponse<byte[]> direct = ProxyHttp.direct("HEAD", "http://127.0.0.1:" + cluster().objectPort()
                + "/d1/" + partition + "/" + ACCOUNT + "/fault/survivor.bin");
        assertThat(direct.statusCode()).isEqualTo(507);
        assertDownloadEquals("fault", "survivor.bin", survivor);
        assertThat(cluster().proxyLog()).contains("ERROR Insufficient Storage 127.0.0.1:" + cluster().objectPort() + "/d1");
    }

    private SwiftCli.Result awaitAccount(SwiftCli stats, String objects, String bytes) throws Exception {
        long deadline = System.nanoTime() + STATS_TIMEOUT.toNanos();
        while (true) {
            SwiftCli.Result account = stats.ok("stat");
            boolean caughtUp = account.stat("Objects").equals(objects) && account.stat("Bytes").equals(bytes);
            if (caughtUp || System.nanoTime() > deadline) {
                assertThat(account.stat("Objects")).as(account.describe()).isEqualTo(objects);
                assertThat(account.stat("Bytes")).as(account.describe()).isEqualTo(bytes);
                return account;
            }
            // The updater runs every second in its own process-wide schedule: nothing to wait on but time.
            Thread.sleep(250);
        }
    }

    private void assertDownloadEquals(String container, String object, Path expected) throws Exception {
        Path downloaded = work.resolve("downloads").resolve(container).resolve(object);
        Files.createDirectories(downloaded.getParent());
        cli().ok("download", container, object, "-o", downloaded.toString());
        assertThat(Files.mismatch(downloaded, expected)).as("%s/%s differs from %s", container, object, expected)
                .isEqualTo(-1L);
    }

    private List<ReplicationPolicy> replicationPolicies() {
        return cluster().conf().policies().all().stream()
                .filter(ReplicationPolicy.class::isInstance)
                .map(ReplicationPolicy.class::cast)
                .toList();
    }

    private ReplicationPolicy policyZero() {
        StoragePolicy zero = cluster().conf().policies().byIndex(0).orElseThrow();
        return (ReplicationPolicy) zero;
    }

    private Path file(String name, int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(name.hashCode()).nextBytes(bytes);
        Path file = work.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    private NodeReplicas replicas() {
        return new NodeReplicas(cluster(), ACCOUNT);
    }

    private SwiftCli cli() {
        return new SwiftCli(cluster().authUrl(), ProxyServerConf.USER, work);
    }

    private ProxyHttp http() throws IOException, InterruptedException {
        return ProxyHttp.login(cluster().authUrl(), ProxyServerConf.USER, ProxyServerConf.KEY);
    }

    private ProxyFrontCluster cluster() {
        if (cluster == null) {
            throw new IllegalStateException("the cluster did not start");
        }
        return cluster;
    }
}
