package io.ringway.api.recon;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.policy.FederatedPolicy;
import io.ringway.policy.ReplicationPolicy;
import io.ringway.policy.StoragePolicies;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Swift's recon answers from a proc directory and a swift directory written by the test. */
class HostReconTests {

    private static final StoragePolicies POLICIES = new StoragePolicies(List.of(
            new ReplicationPolicy(0, "Policy-0", List.of(), true, false),
            new ReplicationPolicy(1, "gold", List.of(), false, false),
            new FederatedPolicy(2, "far", List.of(), false, false, "b")));

    @TempDir
    Path proc;

    @TempDir
    Path swiftDir;

    @Test
    void readsLoadMemoryAndSocketsAsSwiftsReconDoes() throws Exception {
        Files.writeString(proc.resolve("loadavg"), "0.52 0.41 0.30 2/345 12345\n");
        Files.writeString(proc.resolve("meminfo"), "MemTotal:       24564044 kB\nMemFree:         1234567 kB\n"
                + "HugePages_Total:       0\n");
        Files.createDirectories(proc.resolve("net"));
        Files.writeString(proc.resolve("net").resolve("sockstat"), "sockets: used 512\n"
                + "TCP: inuse 21 orphan 1 tw 7 alloc 40 mem 3\nUDP: inuse 4 mem 2\n");
        Files.writeString(proc.resolve("net").resolve("sockstat6"), "TCP6: inuse 5\nUDP6: inuse 1\n");
        HostRecon recon = recon();

        assertThat(recon.load()).containsExactly(Map.entry("1m", 0.52), Map.entry("5m", 0.41), Map.entry("15m", 0.30),
                Map.entry("tasks", "2/345"), Map.entry("processes", 12345L));
        assertThat(recon.mem()).containsExactly(Map.entry("MemTotal", "24564044 kB"),
                Map.entry("MemFree", "1234567 kB"), Map.entry("HugePages_Total", "0"));
        assertThat(recon.sockstat()).containsExactly(Map.entry("tcp_in_use", 21L), Map.entry("orphan", 1L),
                Map.entry("time_wait", 7L), Map.entry("tcp_mem_allocated_bytes", 3L * 4096),
                Map.entry("tcp6_in_use", 5L));
    }

    @Test
    void withoutIpv6SockstatHasNoTcp6Count() throws Exception {
        Files.createDirectories(proc.resolve("net"));
        Files.writeString(proc.resolve("net").resolve("sockstat"), "TCP: inuse 2 orphan 0 tw 0 alloc 2 mem 1\n");

        assertThat(recon().sockstat()).doesNotContainKey("tcp6_in_use").containsEntry("tcp_in_use", 2L);
    }

    @Test
    void sumsTheRingsOfAccountsContainersAndEachReplicationPolicyAndSwiftConf() throws Exception {
        for (String ring : List.of("account", "container", "object", "object-1")) {
            Files.writeString(swiftDir.resolve(ring + ".ring.gz"), "ring " + ring);
        }
        Files.writeString(swiftDir.resolve("swift.conf"), "[swift-hash]\n");
        HostRecon recon = recon();

        assertThat(recon.ringMd5()).containsExactly(
                Map.entry(swiftDir.resolve("account.ring.gz").toString(), md5("ring account")),
                Map.entry(swiftDir.resolve("container.ring.gz").toString(), md5("ring container")),
                Map.entry(swiftDir.resolve("object.ring.gz").toString(), md5("ring object")),
                Map.entry(swiftDir.resolve("object-1.ring.gz").toString(), md5("ring object-1")));
        assertThat(recon.swiftConfMd5()).containsExactly(
                Map.entry("/etc/swift/swift.conf", md5("[swift-hash]\n")));
    }

    @Test
    void aMissingRingIsLeftOutAndAMissingSwiftConfIsNull() throws Exception {
        Files.writeString(swiftDir.resolve("account.ring.gz"), "a");
        HostRecon recon = recon();

        assertThat(recon.ringMd5()).containsOnlyKeys(swiftDir.resolve("account.ring.gz").toString());
        assertThat(recon.swiftConfMd5()).containsEntry("/etc/swift/swift.conf", null);
    }

    @Test
    void timeIsSecondsWithAFractionAndVersionIsRingways() {
        HostRecon recon = recon();

        Object time = recon.checks().get("time").get().block();
        assertThat(time).isInstanceOf(BigDecimal.class);
        assertThat(((BigDecimal) time).doubleValue()).isCloseTo(System.currentTimeMillis() / 1000.0,
                org.assertj.core.data.Offset.offset(5.0));
        assertThat(recon.checks().get("version").get().block()).isEqualTo(Map.of("version", "2.30.1", "ringway", "x"));
        assertThat(recon.checks()).containsOnlyKeys("load", "mem", "sockstat", "time", "version", "ringmd5",
                "swiftconfmd5");
    }

    private HostRecon recon() {
        return new HostRecon(proc, swiftDir, POLICIES, Map.of("version", "2.30.1", "ringway", "x"));
    }

    private static String md5(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
