package io.ringway.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.backend.NodeHealth;
import io.ringway.ring.Device;
import io.ringway.storage.node.ServerType;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A node's disk taken away ({@code disk-off}): its servers answer 507 for the device. A PUT still
 * succeeds through the handoff, the proxy error-limits the device at once (Swift's
 * {@code error_limit}: Ringway's {@link NodeHealth}, the real proxy's "ERROR Insufficient Storage"
 * log line) and no longer even asks it, and GETs are served by the other primaries.
 */
@ExtendWith(RealCluster.class)
class DiskFaultRealSwiftTests {

    @ParameterizedTest
    @EnumSource(Side.class)
    void diskOffGives201ThroughTheHandoffAndErrorLimitsTheDevice(Side side, Cluster cluster) throws IOException {
        Front front = cluster.front(side);
        String c = Names.unique("disk");
        assertThat(front.send("PUT", c).status()).isEqualTo(201);
        List<Integer> primaries = cluster.primaries(0, c, "o");
        int off = primaries.get(0);
        long proxyLog = Files.size(cluster.proxyLog());
        cluster.diskOff(off);
        byte[] body = Names.bytes(50_000, off);

        assertThat(front.put(c + "/o", body).status()).isEqualTo(201);
        assertThat(cluster.nodesWithData(0, c, "o"))
                .containsExactlyInAnyOrderElementsOf(List.of(primaries.get(1), primaries.get(2),
                        cluster.handoffs(0, c, "o").get(0)));
        assertErrorLimited(side, cluster, cluster.objectDevice(0, off), proxyLog);
        for (int i = 0; i < 3; i++) {
            assertThat(front.get(c + "/o").body()).isEqualTo(body);
        }
        String next = objectWithPrimary(cluster, c, off);
        assertThat(front.put(c + "/" + next, body).status()).isEqualTo(201);
        assertThat(Files.readString(cluster.log(ServerType.OBJECT, off)))
                .as("the limited device is not asked again").doesNotContain("/" + c + "/" + next + "\"");
    }

    private static void assertErrorLimited(Side side, Cluster cluster, Device device, long proxyLog) {
        if (side == Side.RINGWAY) {
            assertThat(cluster.ringway().getBean(NodeHealth.class).limited(device)).isTrue();
        } else {
            assertThat(Cluster.logAfter(cluster.proxyLog(), proxyLog)).contains("ERROR Insufficient Storage "
                    + device.ip() + ":" + device.port() + "/" + device.device());
        }
    }

    /** A fresh object name of the container with {@code node} among its primaries. */
    private static String objectWithPrimary(Cluster cluster, String container, int node) {
        for (int i = 0; ; i++) {
            if (cluster.primaries(0, container, "next" + i).contains(node)) {
                return "next" + i;
            }
        }
    }
}
