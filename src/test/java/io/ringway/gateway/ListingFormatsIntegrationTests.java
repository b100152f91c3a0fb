package io.ringway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** listing_formats in the running gateway: the pipeline can name it, and it refuses as Swift does. */
class ListingFormatsIntegrationTests {

    @TempDir
    Path data;

    private ConfigurableApplicationContext app;
    private String base;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        app = GatewayApp.start(data, "--ringway.pipeline=catch_errors,gatekeeper,healthcheck,listing_formats");
        base = "http://127.0.0.1:" + GatewayApp.port(app);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void answers406ForAListingNobodyCanRead() throws Exception {
        HttpResponse<String> get = send(HttpRequest.newBuilder(URI.create(base + "/v1/AUTH_test/c"))
                .header("Accept", "image/png"));
        HttpResponse<String> head = send(HttpRequest.newBuilder(URI.create(base + "/v1/AUTH_test/c"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .header("Accept", "image/png"));

        assertThat(get.statusCode()).isEqualTo(406);
        assertThat(get.body()).isEqualTo("<html><h1>Not Acceptable</h1><p>The resource is not available in a format "
                + "acceptable to your browser.</p></html>");
        assertThat(get.headers().firstValue("X-Trans-Id")).isPresent();
        assertThat(head.statusCode()).isEqualTo(406);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void answers400ForAFormatThatIsNotUtf8() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/v1/AUTH_test?format=%FF")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("\"format\" parameter not valid UTF-8");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
