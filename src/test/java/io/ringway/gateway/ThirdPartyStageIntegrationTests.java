package io.ringway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringway.middleware.Pipeline;
import io.ringway.middleware.Stage;
import io.ringway.testing.http.RawHttpClient;
import io.ringway.testing.http.RawResponse;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A configured pipeline in the booted app: a stage that lives only in test code (found through
 * META-INF/services) runs with its bound configuration, required stages are added, an unknown
 * name fails the start, and a body that breaks midway closes the connection.
 */
class ThirdPartyStageIntegrationTests {

    @TempDir
    Path data;

    @Test
    void runsAThirdPartyStageWithItsConfigurationAndListsItInInfo() {
        try (ConfigurableApplicationContext context = GatewayApp.start(data,
                "--ringway.pipeline=healthcheck,stamp,break_mid_body",
                "--ringway.middleware.stamp.value=from-the-command-line",
                "--ringway.middleware.catch_errors.trans_id_suffix=-east")) {
            assertThat(context.getBean(Pipeline.class).stages()).extracting(Stage::name)
                    .containsExactly("catch_errors", "gatekeeper", "healthcheck", "stamp", "break_mid_body");
            RawHttpClient gateway = RawHttpClient.local(GatewayApp.port(context));

            RawResponse notFound = gateway.send("GET", "//nowhere");
            assertThat(notFound.status()).isEqualTo(404);
            assertThat(notFound.header("X-Stamp")).isEqualTo("from-the-command-line");
            assertThat(notFound.header("X-Trans-Id")).endsWith("-east");

            RawResponse info = gateway.send("GET", "/info");
            assertThat(info.text()).contains("\"stamp\":{\"value\":\"from-the-command-line\"}");

            assertThat(bytesAfterHeaders(GatewayApp.port(context), "/break-mid-body"))
                    .as("the 10 bytes sent before the failure, then the connection closed: never 100")
                    .isEqualTo("0123456789");
            assertThat(bytesAfterHeaders(GatewayApp.port(context), "/break-mid-body-reset"))
                    .as("closed too when the error says 'Connection reset by peer' (a node's, not the client's)")
                    .isEqualTo("0123456789");
        }
    }

    @Test
    void refusesToStartWithAnUnknownStage() {
        assertThatThrownBy(() -> GatewayApp.start(data, "--ringway.pipeline=catch_errors,gatekeeper,tempauht"))
                .rootCause()
                .hasMessageStartingWith("ringway.pipeline: unknown stage 'tempauht'");
    }

    /** Everything the server sends after the response head until it closes the connection. */
    private static String bytesAfterHeaders(int port, String path) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String response = all.toString(StandardCharsets.ISO_8859_1);
            assertThat(response).startsWith("HTTP/1.1 200").containsIgnoringCase("content-length: 100");
            return response.substring(response.indexOf("\r\n\r\n") + 4);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
