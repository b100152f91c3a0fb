package io.ringway.gateway;

import static io.ringway.gateway.cluster.ObjectClient.bytes;
import static io.ringway.gateway.cluster.ObjectClient.eventually;
import static io.ringway.gateway.cluster.ObjectClient.newName;
import static io.ringway.gateway.cluster.ObjectClient.timed;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.gateway.cluster.ObjectClient;
import io.ringway.gateway.cluster.ObjectClient.Timed;
import io.ringway.gateway.cluster.ThreeNodeCluster;
import io.ringway.ring.Rings;
import io.ringway.storage.node.ServerType;
import io.ringway.testing.http.RawHttpClient;
import io.ringway.testing.http.RawResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Container servers failing under the booted gateway ({@link ThreeNodeCluster}): container
 * writes need two of three as in Swift, object writes do not need any (their container update
 * waits as an async pending for the object updater), and listings come from the next server.
 */
class GatewayContainerFaultIntegrationTests {

    private static final String ACCOUNT = "AUTH_test";
    private static final String CONTAINER = "listed";

    @TempDir
    static Path base;

    private static ThreeNodeCluster cluster;
    private static ObjectClient client;

    @BeforeAll
    static void start() {
        cluster = ThreeNodeCluster.start(base);
        RawHttpClient http = new RawHttpClient("127.0.0.1", cluster.gateway().port(), Duration.ofSeconds(30));
        client = new ObjectClient(http, ACCOUNT, CONTAINER);
        RawResponse created = client.send("PUT", client.containerPath(), "Content-Length", "0");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
    }

    @AfterEach
    void heal() {
        cluster.heal();
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void storesAnObjectWithAContainerServerDownAndTheListingCatchesUpOnceTheUpdaterDeliversIt()
            throws Exception {
        String name = newName();
        cluster.relay(0, ServerType.CONTAINER).refuse();

        RawResponse put = client.put(name, bytes(1000, 1));
        boolean pending = eventually(() -> asyncPendings() > 0);
        boolean missingOnNode0 = !listingOn(0, CONTAINER).contains(name);
        cluster.heal();

        assertThat(put.status()).as(put.text()).isEqualTo(201);
        assertThat(pending).as("the failed container update is kept as an async pending").isTrue();
        assertThat(missingOnNode0).isTrue();
        assertThat(eventually(() -> listingOn(0, CONTAINER).contains(name)))
                .as("the updater delivered the update to container server 0").isTrue();
        assertThat(eventually(() -> asyncPendings() == 0)).isTrue();
        RawResponse listing = client.send("GET", client.containerPath() + "?format=json");
        assertThat(listing.status()).isEqualTo(200);
        assertThat(listing.text()).contains("\"" + name + "\"");
    }

    @Test
    void createsAContainerWithOneContainerServerDown() {
        String container = "c-" + newName();
        cluster.relay(0, ServerType.CONTAINER).refuse();

        RawResponse put = client.send("PUT", "/v1/" + ACCOUNT + "/" + container, "Content-Length", "0");
        cluster.heal();
        RawResponse head = client.send("HEAD", "/v1/" + ACCOUNT + "/" + container);

        assertThat(put.status()).as(put.text()).isEqualTo(201);
        assertThat(head.status()).isEqualTo(204);
    }

    @Test
    void refusesAContainerPutWith503WhenTwoContainerServersAreDown() {
        String container = "c-" + newName();
        cluster.relay(0, ServerType.CONTAINER).refuse();
        cluster.relay(1, ServerType.CONTAINER).refuse();

        RawResponse put = client.send("PUT", "/v1/" + ACCOUNT + "/" + container, "Content-Length", "0");

        assertThat(put.status()).as("%s\n%s\n%s", cluster, cluster.relay(0, ServerType.CONTAINER).history(),
                cluster.relay(1, ServerType.CONTAINER).history()).isEqualTo(503);
    }

    /** Unlike an object GET, a container GET waits the full {@code node_timeout} for headers, as Swift. */
    @Test
    void listsAContainerFromTheNextServerAfterNodeTimeoutWhenTheFirstStallsBeforeItsHeaders() {
        String name = newName();
        assertThat(client.put(name, bytes(10, 2)).status()).isEqualTo(201);
        cluster.relay(0, ServerType.CONTAINER).stallResponsesAfter(0);

        Timed<RawResponse> listing = timed(() -> client.send("GET", client.containerPath() + "?format=json"));

        assertThat(listing.result().status()).isEqualTo(200);
        assertThat(listing.result().text()).contains(name);
        assertThat(listing.took()).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(6));
    }

    private static int asyncPendings() {
        int count = 0;
        for (int i = 0; i < ThreeNodeCluster.NODES; i++) {
            count += cluster.files(i, "async_pending").size();
        }
        return count;
    }

    /** Container server {@code node}'s own listing, past its relay. */
    private static String listingOn(int node, String container) {
        int partition = cluster.gatewayContext().getBean(Rings.class).container().partition(ACCOUNT, container, null);
        return cluster.direct(node, ServerType.CONTAINER, "GET",
                "/" + ThreeNodeCluster.device(node) + "/" + partition + "/" + ACCOUNT + "/" + container
                        + "?format=json")
                .text();
    }
}
