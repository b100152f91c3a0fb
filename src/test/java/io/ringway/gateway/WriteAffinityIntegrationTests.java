package io.ringway.gateway;

import static io.ringway.gateway.cluster.ObjectClient.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.gateway.cluster.TwoRegionCluster;
import io.ringway.testing.http.RawHttpClient;
import io.ringway.testing.http.RawRequest;
import io.ringway.testing.http.RawResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The booted gateway in a cluster of two regions ({@link TwoRegionCluster}) with
 * {@code write_affinity = r1} for policy 1 only ({@code ringway.backend.policies.1.write_affinity},
 * Swift's {@code [proxy-server:policy:1]}): where objects and tombstones land on disk.
 */
class WriteAffinityIntegrationTests {

    private static final String ACCOUNT = "AUTH_test";

    @TempDir
    static Path base;

    private static TwoRegionCluster cluster;
    private static RawHttpClient client;

    @BeforeAll
    static void start() {
        cluster = TwoRegionCluster.start(base, "--ringway.backend.policies.1.write_affinity=r1");
        client = cluster.gateway();
        assertThat(send("PUT", "/v1/" + ACCOUNT + "/gold", "Content-Length", "0").status()).isEqualTo(201);
        for (String silver : List.of("silver", "delete-me")) {
            assertThat(send("PUT", "/v1/" + ACCOUNT + "/" + silver, "X-Storage-Policy", "silver",
                    "Content-Length", "0").status()).isEqualTo(201);
        }
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static RawResponse send(String method, String path, String... headers) {
        return client.send(RawRequest.of(method, path).header("Host", "127.0.0.1").headers(headers));
    }

    private static int put(String container, String object) {
        return client.send(RawRequest.of("PUT", "/v1/" + ACCOUNT + "/" + container + "/" + object)
                .header("Host", "127.0.0.1")
                .body("some bytes for " + object)).status();
    }


    @Test
    void aPutUnderWriteAffinityLandsOnTheLocalRegionAndIsListed() throws InterruptedException {
        assertThat(put("silver", "local")).isEqualTo(201);

        assertThat(cluster.devicesWith(ACCOUNT, "silver", "local", ".data"))
                .isEqualTo(TwoRegionCluster.devicesOf(1));
        assertThat(send("GET", "/v1/" + ACCOUNT + "/silver/local").text()).isEqualTo("some bytes for local");
        // The container update may go through an async pending when the container server is slow.
        assertThat(eventually(() -> send("GET", "/v1/" + ACCOUNT + "/silver").text().equals("local\n"))).isTrue();
    }

    @Test
    void aPutOfAPolicyWithoutWriteAffinityLandsOnItsPrimaries() {
        assertThat(put("gold", "placed")).isEqualTo(201);

        assertThat(cluster.devicesWith(ACCOUNT, "gold", "placed", ".data"))
                .isEqualTo(cluster.primaries(0, ACCOUNT, "gold", "placed"))
                .containsAnyElementsOf(TwoRegionCluster.devicesOf(2));
    }

    @Test
    void aDeleteUnderWriteAffinityAlsoReachesTheLocalHandoffs() throws InterruptedException {
        assertThat(put("delete-me", "gone")).isEqualTo(201);
        assertThat(eventually(() -> send("GET", "/v1/" + ACCOUNT + "/delete-me").text().equals("gone\n"))).isTrue();
        assertThat(cluster.devicesWith(ACCOUNT, "delete-me", "gone", ".data"))
                .isEqualTo(TwoRegionCluster.devicesOf(1));

        int status = send("DELETE", "/v1/" + ACCOUNT + "/delete-me/gone").status();

        Set<Integer> expected = new TreeSet<>(cluster.primaries(1, ACCOUNT, "delete-me", "gone"));
        expected.addAll(TwoRegionCluster.devicesOf(1));
        assertThat(status).isEqualTo(204);
        assertThat(cluster.devicesWith(ACCOUNT, "delete-me", "gone", ".ts")).isEqualTo(expected);
        assertThat(cluster.devicesWith(ACCOUNT, "delete-me", "gone", ".data")).isEmpty();
        assertThat(send("GET", "/v1/" + ACCOUNT + "/delete-me/gone").status()).isEqualTo(404);
        assertThat(eventually(() -> send("GET", "/v1/" + ACCOUNT + "/delete-me").status() == 204)).isTrue();
    }
}
