package io.ringway.storage.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.storage.recon.NodeRecon;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** The routes every storage server port shares: healthcheck and recon, then the server. */
class StorageNodeHandlerTests {

    @TempDir
    Path devices;

    private WebTestClient client;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(devices.resolve("d1"));
        Files.createDirectories(devices.resolve("d2"));
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L, 250_000_000), ZoneOffset.UTC);
        NodeRecon recon = new NodeRecon(new DeviceRoot(devices, false), clock);
        client = WebTestClient.bindToRouterFunction(StorageNodeHandler.routes(new EchoServer(), recon)).build();
    }

    @Test
    void answersHealthcheckWithOk() {
        client.get().uri("/healthcheck").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("OK");
    }

    @Test
    void reportsVersionTimeAndDevicesWithSwiftsKeys() {
        client.get().uri("/recon/version").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(io.ringway.info.RingwayVersion.SWIFT_RELEASE);
        client.get().uri("/recon/time").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("1700000000.25");
        client.get().uri("/recon/devices").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$['" + devices.toAbsolutePath() + "']").isEqualTo(java.util.List.of("d1", "d2"));
    }

    @Test
    void reportsDiskUsagePerDevice() {
        client.get().uri("/recon/diskusage").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].device").isEqualTo("d1")
                .jsonPath("$[0].mounted").isEqualTo(true)
                .jsonPath("$[0].size").value(size -> assertThat(((Number) size).longValue()).isPositive())
                .jsonPath("$[1].device").isEqualTo("d2");
    }

    @Test
    void answersAnUnknownReconCheckWith404() {
        client.get().uri("/recon/nonsense").exchange()
                .expectStatus().isNotFound()
                .expectBody(String.class).isEqualTo("Invalid path: /recon/nonsense");
    }

    @Test
    void passesEveryOtherPathToTheServer() {
        client.method(org.springframework.http.HttpMethod.valueOf("REPLICATE")).uri("/d1/3/a").exchange()
                .expectStatus().isEqualTo(299)
                .expectBody(String.class).isEqualTo("REPLICATE /d1/3/a");
    }

    /** Answers 299 with the method and path, so routing can be seen. */
    private static final class EchoServer implements BackendServer {

        @Override
        public ServerType type() {
            return ServerType.OBJECT;
        }

        @Override
        public Mono<ServerResponse> handle(ServerRequest request) {
            return ServerResponse.status(299).bodyValue(request.method().name() + " " + request.path());
        }
    }
}
