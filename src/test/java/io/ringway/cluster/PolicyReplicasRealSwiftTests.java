package io.ringway.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.policy.StoragePolicy;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Storage policies on the real cluster's disks: a container's {@code X-Storage-Policy} decides the
 * ring, and an object lands as a {@code .data} file on exactly that ring's primaries of its
 * partition: 3 for policy 0, 2 for {@code silver} (policy 1), through either proxy.
 */
@ExtendWith(RealCluster.class)
class PolicyReplicasRealSwiftTests {

    @ParameterizedTest
    @EnumSource(Side.class)
    void policyZeroStoresThreeReplicasOnItsPrimaries(Side side, Cluster cluster) {
        assertReplicas(cluster, cluster.front(side), 0, 3);
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void silverStoresTwoReplicasOnItsPrimaries(Side side, Cluster cluster) {
        assertReplicas(cluster, cluster.front(side), 1, 2);
    }

    private static void assertReplicas(Cluster cluster, Front front, int policyIndex, int replicas) {
        StoragePolicy policy = cluster.conf().policies().byIndex(policyIndex).orElseThrow();
        String c = Names.unique("policy" + policyIndex);
        byte[] body = Names.bytes(70_000, policyIndex);

        assertThat(front.send("PUT", c, "X-Storage-Policy", policy.name()).status()).isEqualTo(201);
        assertThat(front.head(c).header("X-Storage-Policy")).isEqualTo(policy.name());
        assertThat(front.put(c + "/o", body).status()).isEqualTo(201);

        assertThat(cluster.nodesWithData(policyIndex, c, "o"))
                .as("nodes with a .data file of %s/o (%s on %s)", c, policy.name(), cluster.fileSystem())
                .hasSize(replicas)
                .containsExactlyInAnyOrderElementsOf(cluster.primaries(policyIndex, c, "o"));
        assertThat(front.get(c + "/o").body()).isEqualTo(body);
    }
}
