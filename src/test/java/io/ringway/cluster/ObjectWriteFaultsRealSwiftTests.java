package io.ringway.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.storage.node.ServerType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Object PUTs with real object servers stopped (policy 0: 3 replicas over 4 nodes, so one handoff
 * node). Swift's quorum for 3 replicas is 2: the write succeeds while two nodes can take it,
 * primaries or the handoff, and fails with 503 below that. Each test runs through both proxies.
 */
@ExtendWith(RealCluster.class)
class ObjectWriteFaultsRealSwiftTests {

    @ParameterizedTest
    @EnumSource(Side.class)
    void onePrimaryStoppedGives201WithTwoPrimariesAndTheHandoffWritten(Side side, Cluster cluster) {
        Written written = putWithStopped(side, cluster, 1);

        assertThat(written.reply().status()).isEqualTo(201);
        assertThat(written.nodesWithData()).containsExactlyInAnyOrderElementsOf(written.alive());
        assertThat(cluster.front(side).get(written.path()).body()).isEqualTo(written.body());
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void twoPrimariesStoppedStillMakeAQuorumWithTheLastPrimaryAndTheHandoff(Side side, Cluster cluster) {
        Written written = putWithStopped(side, cluster, 2);

        assertThat(written.reply().status()).isEqualTo(201);
        assertThat(written.nodesWithData()).containsExactlyInAnyOrderElementsOf(written.alive());
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void onlyOneObjectServerLeftGives503(Side side, Cluster cluster) {
        Written written = putWithStopped(side, cluster, 3);

        assertThat(written.reply().status()).isEqualTo(503);
        // One 404 among errors proves nothing: the object may be on the nodes that did not answer.
        assertThat(cluster.front(side).get(written.path()).status()).isEqualTo(503);
    }

    /** Stops the first {@code stopped} primaries of a fresh object, then PUTs it through {@code side}. */
    private static Written putWithStopped(Side side, Cluster cluster, int stopped) {
        Front front = cluster.front(side);
        String c = Names.unique("wfault");
        assertThat(front.send("PUT", c).status()).isEqualTo(201);
        List<Integer> alive = new ArrayList<>(cluster.primaries(0, c, "o"));
        alive.addAll(cluster.handoffs(0, c, "o"));
        for (int i = 0; i < stopped; i++) {
            cluster.stop(ServerType.OBJECT, alive.remove(0));
        }
        byte[] body = Names.bytes(100_000, stopped);
        Reply reply = front.put(c + "/o", body);
        return new Written(c + "/o", body, reply, alive, cluster.nodesWithData(0, c, "o"));
    }

    private record Written(String path, byte[] body, Reply reply, List<Integer> alive, List<Integer> nodesWithData) {
    }
}
