package io.ringway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.backend.AccountInfo;
import io.ringway.middleware.acl.AccountAcls;
import io.ringway.middleware.acl.AclSource;
import io.ringway.middleware.cache.InfoCache;
import io.ringway.ring.Node;
import io.ringway.ring.Ring;
import io.ringway.ring.Rings;
import io.ringway.swift.Timestamp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** The booted gateway's InfoCache and ACL source, over the embedded cluster's real account servers. */
class InfoCacheIntegrationTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path data;

    private ConfigurableApplicationContext app;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        app = GatewayApp.start(data, "--ringway.pipeline=catch_errors,gatekeeper,healthcheck,cache");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void seesAnAccountCreatedOnTheNodesOnceInvalidated() throws Exception {
        InfoCache cache = app.getBean(InfoCache.class);
        AccountInfo before = cache.account("AUTH_int").block(TIMEOUT);

        putAccount("AUTH_int", "{\"admin\":[\"alice\"]}");
        AccountInfo cached = cache.account("AUTH_int").block(TIMEOUT);
        cache.invalidate("AUTH_int");
        AccountInfo after = cache.account("AUTH_int").block(TIMEOUT);
        AccountAcls acls = app.getBean(AclSource.class).accountAcls("AUTH_int").block(TIMEOUT);

        assertThat(before.status()).isEqualTo(404);
        assertThat(cached.status()).isEqualTo(404);
        assertThat(after.status()).isEqualTo(204);
        assertThat(acls).isEqualTo(new AccountAcls(List.of("alice"), List.of(), List.of()));
    }

    /** Creates the account on its nodes as a proxy would, with core-access-control sysmeta. */
    private void putAccount(String account, String acl) throws Exception {
        Ring ring = app.getBean(Rings.class).account();
        int partition = ring.partition(account, null, null);
        String timestamp = Timestamp.ofMillis(System.currentTimeMillis()).internal();
        for (Node node : ring.primaryNodes(partition)) {
            URI uri = URI.create("http://" + node.device().ip() + ":" + node.device().port() + "/"
                    + node.device().device() + "/" + partition + "/" + account);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                    .PUT(HttpRequest.BodyPublishers.noBody())
                    .header("X-Timestamp", timestamp)
                    .header("X-Account-Sysmeta-Core-Access-Control", acl)
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(201);
        }
    }
}
