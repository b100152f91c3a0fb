package io.ringway.management;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.testing.RingwayApps;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Kubernetes' probes on the management port: healthcheck's disable file drains the pod (readiness
 * out of service, Swift's {@code /healthcheck} 503) without failing liveness, and removing it
 * brings the pod back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProbesIntegrationTests {

    @TempDir
    static Path data;

    private ConfigurableApplicationContext app;
    private Path disableFile;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() {
        disableFile = data.resolve("disable");
        app = RingwayApps.start(data, WebApplicationType.REACTIVE,
                "--ringway.middleware.healthcheck.disable_path=" + disableFile);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void theDisableFileDrainsReadinessButNotLiveness() throws Exception {
        assertThat(management("/actuator/health/liveness")).isEqualTo(200);
        assertThat(management("/actuator/health/readiness")).isEqualTo(200);
        assertThat(gateway("/healthcheck").body()).isEqualTo("OK");

        Files.createFile(disableFile);
        try {
            HttpResponse<String> readiness = get(managementUri("/actuator/health/readiness"));
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).contains("\"status\":\"OUT_OF_SERVICE\"");
            assertThat(management("/actuator/health/liveness")).isEqualTo(200);
            HttpResponse<String> healthcheck = gateway("/healthcheck");
            assertThat(healthcheck.statusCode()).isEqualTo(503);
            assertThat(healthcheck.body()).isEqualTo("DISABLED BY FILE");
        } finally {
            Files.delete(disableFile);
        }
        assertThat(management("/actuator/health/readiness")).isEqualTo(200);
        assertThat(gateway("/healthcheck").statusCode()).isEqualTo(200);
    }

    @Test
    void livenessDoesNotDependOnTheStorageNodesOrTheRings() throws Exception {
        HttpResponse<String> liveness = get(managementUri("/actuator/health/liveness"));
        assertThat(liveness.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    /**
     * A scraper's or a load balancer's keep-alive connection gets an answer to every request, the
     * synchronous ones (liveness) and those answered off the event loop (readiness reads the disable
     * file) in turn. Reactor Netty 1.3.7 stopped reading such a connection now and then (the next
     * request stayed in the socket's receive queue: reactor-netty#4361, fixed in 1.3.8).
     */
    @Test
    void aKeepAliveConnectionIsAnsweredEveryTime() throws Exception {
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.management.port"));
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            java.io.OutputStream out = socket.getOutputStream();
            java.io.BufferedInputStream in = new java.io.BufferedInputStream(socket.getInputStream());
            for (int i = 0; i < 300; i++) {
                String path = i % 2 == 0 ? "/actuator/health/liveness" : "/actuator/health/readiness";
                out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                out.flush();
                assertThat(readResponse(in)).as("request %d, %s", i, path).startsWith("HTTP/1.1 200");
            }
        }
    }

    /** One response of known length: its status line and headers, its body skipped. */
    private static String readResponse(java.io.InputStream in) throws java.io.IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new java.io.EOFException("connection closed after " + head);
            }
            head.append((char) b);
        }
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)")
                .matcher(head);
        if (length.find()) {
            in.readNBytes(Integer.parseInt(length.group(1)));
        }
        return head.toString();
    }

    private int management(String path) throws Exception {
        return get(managementUri(path)).statusCode();
    }

    private URI managementUri(String path) {
        return URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.management.port") + path);
    }

    private HttpResponse<String> gateway(String path) throws Exception {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        return get(URI.create("http://127.0.0.1:" + port + path));
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        // a hang must fail the test, not the build's time limit
        return http.send(HttpRequest.newBuilder(uri).timeout(java.time.Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
