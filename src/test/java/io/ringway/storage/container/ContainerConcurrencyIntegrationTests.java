package io.ringway.storage.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.storage.node.DeviceRoot;
import io.ringway.testing.http.RawHttpClient;
import io.ringway.testing.http.RawResponse;
import io.ringway.testing.storage.TestNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;

/** Many object rows written to one container at once: serialized per database, none lost. */
final class ContainerConcurrencyIntegrationTests {

    @TempDir
    Path root;

    private DisposableServer server;

    @BeforeEach
    void start() {
        DeviceRoot devices = TestNode.devices(root);
        server = TestNode.start(new ContainerServer(devices, TestNode.HASH_PATH, ContainerSettings.defaults(),
                TestNode.CLOCK, HttpClient.create()), devices);
    }

    @AfterEach
    void stop() {
        server.disposeNow();
    }

    @Test
    void countsEveryObjectRowWrittenConcurrently() {
        RawHttpClient http = RawHttpClient.local(server.port());
        http.send("PUT", "/sda1/1/a/c", "X-Timestamp", "1700000000.00000");
        HttpClient client = HttpClient.create().baseUrl("http://127.0.0.1:" + server.port());
        List<Integer> statuses = Flux.range(0, 100)
                .flatMap(i -> client
                        .headers(h -> h.set("X-Timestamp", "1700000001.00000")
                                .set("X-Size", i)
                                .set("X-Content-Type", "text/plain")
                                .set("X-Etag", "e"))
                        .put()
                        .uri(String.format(Locale.ROOT, "/sda1/1/a/c/o%03d", i))
                        .responseSingle((response, body) -> body.asString()
                                .defaultIfEmpty("")
                                .map(ignored -> response.status().code())), 32)
                .collectList()
                .block(Duration.ofSeconds(30));
        assertThat(statuses).hasSize(100).containsOnly(201);
        RawResponse head = http.send("HEAD", "/sda1/1/a/c");
        assertThat(head.header("X-Container-Object-Count")).isEqualTo("100");
        assertThat(head.header("X-Container-Bytes-Used")).isEqualTo("4950");
        assertThat(http.send("GET", "/sda1/1/a/c?limit=3&marker=o096").text()).isEqualTo("o097\no098\no099\n");
    }
}
