package io.ringway.storage.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.testing.http.RawResponse;
import io.ringway.testing.storage.TestNode;
import io.ringway.testing.storage.TestServers;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;

/** Many object rows written to one container at once: serialized per database, none lost. */
final class ContainerConcurrencyIntegrationTests {

    @RegisterExtension
    final TestServers node = TestServers.serving(devices -> new ContainerServer(devices,
            TestNode.HASH_PATH, ContainerSettings.defaults(), TestNode.CLOCK, HttpClient.create()));

    @Test
    void countsEveryObjectRowWrittenConcurrently() {
        node.client().send("PUT", "/sda1/1/a/c", "X-Timestamp", "1700000000.00000");
        HttpClient client = HttpClient.create().baseUrl("http://127.0.0.1:" + node.client().port());
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
        RawResponse head = node.client().send("HEAD", "/sda1/1/a/c");
        assertThat(head.header("X-Container-Object-Count")).isEqualTo("100");
        assertThat(head.header("X-Container-Bytes-Used")).isEqualTo("4950");
        assertThat(node.client().send("GET", "/sda1/1/a/c?limit=3&marker=o096").text()).isEqualTo("o097\no098\no099\n");
    }
}
