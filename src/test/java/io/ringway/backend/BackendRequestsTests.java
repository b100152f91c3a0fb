package io.ringway.backend;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.swift.Timestamp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

class BackendRequestsTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private InfoCluster cluster;
    private BackendRequests requests;

    @BeforeEach
    void start() throws IOException {
        cluster = new InfoCluster();
        requests = new BackendRequests(cluster.nodes);
    }

    @AfterEach
    void close() throws IOException {
        cluster.close();
    }

    private FanOutRequest containerRequest(HttpMethod method, Map<Integer, Integer> overrides) {
        int partition = cluster.containerRing.partition("AUTH_test", "c", null);
        String timestamp = Timestamp.ofMillis(cluster.nextMillis()).internal();
        List<HttpHeaders> headers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            HttpHeaders set = new HttpHeaders();
            set.set("X-Timestamp", timestamp);
            set.set("X-Backend-Storage-Policy-Index", "0");
            headers.add(set);
        }
        return new FanOutRequest(cluster.containerRing, partition, method, "/AUTH_test/c", null, headers, overrides);
    }

    @Test
    void aContainerPutToEveryReplicaIsCreated() {
        BackendReply reply = requests.send(containerRequest(HttpMethod.PUT, Map.of())).block(TIMEOUT);

        assertThat(reply.status()).isEqualTo(201);
        assertThat(cluster.fetcher.container("AUTH_test", "c").block(TIMEOUT).status()).isEqualTo(204);
    }

    @Test
    void oneNodeDownStillMakesAQuorum() {
        cluster.killContainerServer(0);

        BackendReply reply = requests.send(containerRequest(HttpMethod.PUT, Map.of())).block(TIMEOUT);

        assertThat(reply.status()).isEqualTo(201);
    }

    @Test
    void twoNodesDownIs503() {
        cluster.killContainerServer(0);
        cluster.killContainerServer(1);

        BackendReply reply = requests.send(containerRequest(HttpMethod.PUT, Map.of())).block(TIMEOUT);

        assertThat(reply.status()).isEqualTo(503);
    }

    @Test
    void deletingAMissingContainerGivesTheNodes404WithItsBody() {
        BackendReply reply = requests.send(containerRequest(HttpMethod.DELETE, Map.of())).block(TIMEOUT);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(new String(reply.body(), StandardCharsets.UTF_8)).contains("Not Found");
    }

    @Test
    void overridesCountOnlyWhenNoClassHasAQuorum() {
        FanOutRequest request = containerRequest(HttpMethod.DELETE, Map.of(404, 204));
        BackendReply deleted = new BackendReply(204, new HttpHeaders(), new byte[0]);
        BackendReply missing = new BackendReply(404, new HttpHeaders(), new byte[0]);
        BackendReply failed = new BackendReply(503, new HttpHeaders(), new byte[0]);

        assertThat(BackendRequests.best(request, List.of(deleted, missing, failed), 3).status())
                .as("204 and a 404 counted as 204 make a quorum; the real 204 answers").isEqualTo(204);
        assertThat(BackendRequests.best(request, List.of(missing, missing, deleted), 3).status())
                .as("a quorum of real 404s needs no override").isEqualTo(404);
        assertThat(BackendRequests.best(request, List.of(missing, failed), 3).status())
                .as("one 404 counted as 204 is no quorum; the missing answer counts as 503").isEqualTo(503);
    }
}
