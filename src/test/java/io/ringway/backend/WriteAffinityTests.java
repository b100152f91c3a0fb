package io.ringway.backend;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.ring.Node;
import io.ringway.swift.Timestamp;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * Object PUT and DELETE under {@code write_affinity = r1} on six real object servers, three in
 * each of two regions, 3 replicas: where the object and its tombstones land on disk.
 */
class WriteAffinityTests {

    private static final int[] REGIONS = {1, 1, 1, 2, 2, 2};
    private static final int CHUNKS = 2;
    private static final int CHUNK = 16 * 1024;

    private StorageCluster cluster;

    @BeforeEach
    void start() throws IOException {
        List<@Nullable FakeNode> real = new ArrayList<>();
        for (int i = 0; i < REGIONS.length; i++) {
            real.add(null);
        }
        // Generous timeouts: these tests assert where every request lands, not how faults are handled.
        BackendSettings settings = BackendSettings.defaults()
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(20),
                        Duration.ofSeconds(20))
                .withWriteAffinity("r1", "2 * replicas", "auto");
        cluster = new StorageCluster(real, 3, settings, REGIONS);
    }

    @AfterEach
    void close() throws IOException {
        cluster.close();
    }

    private Set<Integer> nodesWith(String suffix) throws IOException {
        Set<Integer> found = new TreeSet<>();
        for (int i = 0; i < REGIONS.length; i++) {
            for (Path file : cluster.files(i, "objects")) {
                if (file.getFileName().toString().endsWith(suffix)) {
                    found.add(i);
                }
            }
        }
        return found;
    }

    private Set<Integer> indexes(List<Node> nodes) {
        Set<Integer> found = new TreeSet<>();
        nodes.forEach(node -> found.add(cluster.indexOf(node)));
        return found;
    }

    private static Set<Integer> region(int region) {
        Set<Integer> found = new TreeSet<>();
        for (int i = 0; i < REGIONS.length; i++) {
            if (REGIONS[i] == region) {
                found.add(i);
            }
        }
        return found;
    }

    private int put() {
        return cluster.put.put(cluster.putRequest(StorageCluster.body(CHUNKS, CHUNK, 5), (long) CHUNKS * CHUNK))
                .block(Duration.ofSeconds(60))
                .status();
    }

    private int delete() {
        int partition = cluster.partition();
        NodeSelection selection = cluster.settings.nodeSelection();
        int count = selection.objectDeleteNodeCount(cluster.ring, partition, 0);
        String timestamp = Timestamp.ofMillis(System.currentTimeMillis() + 1000).internal();
        List<HttpHeaders> headers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpHeaders node = new HttpHeaders();
            node.set("X-Timestamp", timestamp);
            node.set("X-Backend-Storage-Policy-Index", "0");
            headers.add(node);
        }
        FanOutRequest request = new FanOutRequest(cluster.ring, partition, HttpMethod.DELETE,
                "/" + StorageCluster.NAME.account() + "/" + StorageCluster.NAME.container() + "/"
                        + StorageCluster.NAME.object(),
                null, headers, Map.of(404, 204), 0);
        return cluster.requests.send(request).block(Duration.ofSeconds(60)).status();
    }

    @Test
    void aPutLandsOnTheLocalRegionOnly() throws IOException {
        int status = put();

        // Region 1 has three devices: primaries there and local handoffs take all three replicas.
        assertThat(status).isEqualTo(201);
        assertThat(nodesWith(".data")).isEqualTo(region(1));
    }

    @Test
    void aDeleteReachesThePrimariesAndTheLocalHandoffsThatTookTheirPlace() throws IOException {
        assertThat(put()).isEqualTo(201);
        List<Node> primaries = cluster.primaries();
        Set<Integer> expected = new TreeSet<>(indexes(primaries));
        expected.addAll(region(1));

        int status = delete();

        assertThat(status).isEqualTo(204);
        assertThat(nodesWith(".ts")).isEqualTo(expected);
        assertThat(nodesWith(".data")).isEmpty();
    }
}
