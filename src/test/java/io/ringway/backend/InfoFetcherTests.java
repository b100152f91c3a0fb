package io.ringway.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InfoFetcherTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private InfoCluster cluster;

    @BeforeEach
    void start() throws IOException {
        cluster = new InfoCluster();
    }

    @AfterEach
    void close() throws IOException {
        cluster.close();
    }

    private void createContainerWithTwoObjects() {
        cluster.direct(cluster.containerRing, "PUT", "AUTH_test", "c", null,
                "X-Backend-Storage-Policy-Index", "1",
                "X-Container-Read", ".r:*,.rlistings",
                "X-Container-Write", "AUTH_test:bob",
                "X-Container-Meta-Color", "blue",
                "X-Container-Sysmeta-Owner", "ops");
        for (String object : new String[] {"o1", "o2"}) {
            cluster.direct(cluster.containerRing, "PUT", "AUTH_test", "c", object,
                    "X-Backend-Storage-Policy-Index", "1",
                    "X-Size", "5",
                    "X-Content-Type", "text/plain",
                    "X-Etag", "d41d8cd98f00b204e9800998ecf8427e");
        }
    }

    @Test
    void containerInfoCarriesCountsPolicyAclsAndMetadata() {
        createContainerWithTwoObjects();

        ContainerInfo info = cluster.fetcher.container("AUTH_test", "c").block(TIMEOUT);

        assertThat(info.status()).isEqualTo(204);
        assertThat(info.objectCount()).isEqualTo(2);
        assertThat(info.bytes()).isEqualTo(10);
        assertThat(info.storagePolicy()).isEqualTo(1);
        assertThat(info.readAcl()).isEqualTo(".r:*,.rlistings");
        assertThat(info.writeAcl()).isEqualTo("AUTH_test:bob");
        assertThat(info.meta()).containsEntry("color", "blue");
        assertThat(info.sysmeta()).containsEntry("owner", "ops");
    }

    @Test
    void aMissingContainerIs404() {
        ContainerInfo info = cluster.fetcher.container("AUTH_test", "nothing").block(TIMEOUT);

        assertThat(info.status()).isEqualTo(404);
        assertThat(info.exists()).isFalse();
        assertThat(info.readAcl()).isNull();
    }

    @Test
    void replicasThatAreDownAreSkipped() {
        createContainerWithTwoObjects();
        cluster.killContainerServer(0);
        cluster.killContainerServer(1);

        ContainerInfo info = cluster.fetcher.container("AUTH_test", "c").block(TIMEOUT);

        assertThat(info.status()).isEqualTo(204);
        assertThat(info.objectCount()).isEqualTo(2);
    }

    @Test
    void aDeletedContainerIs404() {
        createContainerWithTwoObjects();
        // The objects' rows go first: a container with objects cannot be deleted.
        for (String object : new String[] {"o1", "o2"}) {
            cluster.direct(cluster.containerRing, "DELETE", "AUTH_test", "c", object,
                    "X-Backend-Storage-Policy-Index", "1");
        }
        cluster.direct(cluster.containerRing, "DELETE", "AUTH_test", "c", null);

        ContainerInfo info = cluster.fetcher.container("AUTH_test", "c").block(TIMEOUT);

        assertThat(info.status()).isEqualTo(404);
    }

    @Test
    void noServerAnsweringIs503() {
        cluster.killAllContainerServers();

        ContainerInfo info = cluster.fetcher.container("AUTH_test", "c").block(TIMEOUT);

        assertThat(info.status()).isEqualTo(503);
    }

    @Test
    void accountInfoCarriesCountsAndSysmeta() {
        cluster.direct(cluster.accountRing, "PUT", "AUTH_test", null, null,
                "X-Account-Meta-Quota", "big",
                "X-Account-Sysmeta-Core-Access-Control", "{\"admin\":[\"alice\"]}");
        cluster.direct(cluster.accountRing, "PUT", "AUTH_test", "c", null,
                "X-Put-Timestamp", io.ringway.swift.Timestamp.ofMillis(cluster.nextMillis()).internal(),
                "X-Delete-Timestamp", "0",
                "X-Object-Count", "3",
                "X-Bytes-Used", "30",
                "X-Backend-Storage-Policy-Index", "0");

        AccountInfo info = cluster.fetcher.account("AUTH_test").block(TIMEOUT);

        assertThat(info.status()).isEqualTo(204);
        assertThat(info.containerCount()).isEqualTo(1);
        assertThat(info.objectCount()).isEqualTo(3);
        assertThat(info.bytes()).isEqualTo(30);
        assertThat(info.meta()).containsEntry("quota", "big");
        assertThat(info.sysmeta()).containsEntry("core-access-control", "{\"admin\":[\"alice\"]}");
    }

    @Test
    void aMissingAccountIs404() {
        AccountInfo info = cluster.fetcher.account("AUTH_nobody").block(TIMEOUT);

        assertThat(info.status()).isEqualTo(404);
    }
}
