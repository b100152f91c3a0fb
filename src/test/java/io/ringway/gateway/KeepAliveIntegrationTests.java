package io.ringway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.testing.http.RawConnection;
import io.ringway.testing.http.RawHttpClient;
import io.ringway.testing.http.RawRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Clients (python-swiftclient, rclone) keep their connections: every answer, an error too, must
 * leave the connection ready for the next request. Found by Swift's functional tests, which hung
 * for minutes: an answer made from storage nodes' replies (written from the backend client's
 * event loop), then an error answer, and the next request on that connection was not read.
 */
class KeepAliveIntegrationTests {

    @TempDir
    static Path data;

    private static ConfigurableApplicationContext context;
    private static RawHttpClient gateway;

    @BeforeAll
    static void start() {
        context = GatewayApp.start(data, GatewayApp.OPEN_PIPELINE);
        gateway = RawHttpClient.local(GatewayApp.port(context));
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void everyRequestOnAKeptConnectionIsAnsweredAfterBackendAnswersAndErrors() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> answered = new ArrayList<>();
            for (int client = 0; client < 4; client++) {
                answered.add(clients.submit(() -> converse(40)));
            }
            for (Future<Integer> count : answered) {
                assertThat(count.get()).isEqualTo(40 * 3);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void answersKeepAliveToAClientThatAskedForItAsEventlet() throws Exception {
        try (RawConnection connection = gateway.open()) {
            connection.timeout(Duration.ofSeconds(5));
            connection.sendHead(RawRequest.of("GET", "/healthcheck").headers("Connection", "keep-alive"));
            assertThat(connection.read("GET").header("Connection")).isEqualTo("keep-alive");
            connection.sendHead(RawRequest.of("GET", "/v1/AUTH_test").headers("Connection", "keep-alive"));
            assertThat(connection.read("GET").header("Connection")).isEqualTo("keep-alive");
            connection.sendHead(RawRequest.of("GET", "/healthcheck"));
            assertThat(connection.read("GET").header("Connection")).isNull();
        }
    }

    /** Requests answered on one connection, each within the timeout, or an exception. */
    private static int converse(int rounds) throws Exception {
        int answered = 0;
        try (RawConnection connection = gateway.open()) {
            connection.timeout(Duration.ofSeconds(5));
            for (int round = 0; round < rounds; round++) {
                for (String[] request : new String[][] {{"GET", "/v1/AUTH_test"}, {"GET", "//nowhere"},
                        {"GET", "/healthcheck"}}) {
                    connection.sendHead(RawRequest.of(request[0], request[1]));
                    int status = connection.read(request[0]).status();
                    assertThat(status).as("round %d: %s %s", round, request[0], request[1]).isBetween(200, 499);
                    answered++;
                }
            }
        }
        return answered;
    }
}
