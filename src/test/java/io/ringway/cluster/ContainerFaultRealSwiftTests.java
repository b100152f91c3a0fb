package io.ringway.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.storage.node.ServerType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A container server down while objects are written, through both proxies: the PUTs succeed (the
 * object servers keep the container updates they could not send as async pendings), the server
 * started again lacks the objects in its replica of the listing, and the object updater catches
 * it up, as in a Swift cluster.
 */
@ExtendWith(RealCluster.class)
class ContainerFaultRealSwiftTests {

    @Test
    void objectPutsSucceedWithAContainerServerDownAndItsListingCatchesUpAfterTheUpdaters(Cluster cluster) {
        String c = Names.unique("cfault");
        assertThat(cluster.front(Side.RINGWAY).send("PUT", c).status()).isEqualTo(201);
        int down = cluster.containerPrimaries(c).get(0);
        cluster.stop(ServerType.CONTAINER, down);

        for (Side side : Side.values()) {
            assertThat(cluster.front(side).put(c + "/by-" + side, new byte[] {1, 2, 3}).status())
                    .as("PUT through %s", side).isEqualTo(201);
        }
        cluster.start(ServerType.CONTAINER, down);
        assertThat(cluster.listingOn(down, c)).isEqualTo("204\n");

        cluster.updaters();
        assertThat(cluster.listingOn(down, c)).isEqualTo("200\nby-RINGWAY\nby-SWIFT\n");
        for (Side side : Side.values()) {
            assertThat(cluster.front(side).get(c).text()).as("listing through %s", side)
                    .isEqualTo("by-RINGWAY\nby-SWIFT\n");
            assertThat(cluster.front(side).head(c).header("X-Container-Object-Count")).isEqualTo("2");
        }
    }
}
