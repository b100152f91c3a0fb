package io.ringway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.middleware.Pipeline;
import io.ringway.middleware.Stage;
import io.ringway.testing.http.RawHttpClient;
import io.ringway.testing.http.RawResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The booted gateway with the default pipeline: transaction ids, healthcheck, /info. */
class PipelineIntegrationTests {

    private static final String TX_ID = "tx[0-9a-f]{21}-[0-9a-f]{10}";

    @TempDir
    static Path data;

    private static ConfigurableApplicationContext context;
    private static RawHttpClient gateway;

    @BeforeAll
    static void start() {
        context = GatewayApp.start(data);
        gateway = RawHttpClient.local(GatewayApp.port(context));
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void runsTheDefaultPipeline() {
        assertThat(context.getBean(Pipeline.class).stages()).extracting(Stage::name)
                .containsExactly("catch_errors", "gatekeeper", "healthcheck", "proxy_logging", "cache", "listing_formats",
                        "tempauth", "copy", "proxy_logging");
    }

    @Test
    void answersAnUnknownPathWithSwifts404AndATransactionId() {
        RawResponse response = gateway.send("GET", "//nowhere");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("X-Trans-Id")).matches(TX_ID);
        assertThat(response.header("X-Openstack-Request-Id")).isEqualTo(response.header("X-Trans-Id"));
        assertThat(response.header("Content-Type")).isEqualTo("text/html; charset=UTF-8");
        assertThat(response.text()).isEqualTo("<html><h1>Not Found</h1><p>The resource could not be found.</p></html>");
    }

    @Test
    void answersHeadOfAnUnknownPathWithoutABody() {
        RawResponse response = gateway.send("HEAD", "//nowhere");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("X-Trans-Id")).matches(TX_ID);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void givesEveryRequestItsOwnTransactionIdWithTheClientsExtra() {
        String first = gateway.send("GET", "//nowhere").header("X-Trans-Id");
        String second = gateway.send("GET", "//nowhere", "X-Trans-Id-Extra", "my-job").header("X-Trans-Id");

        assertThat(second).matches(TX_ID + "-my-job").isNotEqualTo(first);
    }

    @Test
    void answersHealthcheck() {
        RawResponse response = gateway.send("GET", "/healthcheck");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).isEqualTo("OK");
        assertThat(response.header("Content-Type")).isEqualTo("text/plain");
        assertThat(response.header("X-Trans-Id")).matches(TX_ID);
    }

    @Test
    void servesInfoWithTheSwiftSectionAndPolicies() {
        RawResponse response = gateway.send("GET", "/info");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("application/json; charset=UTF-8");
        assertThat(response.header("X-Trans-Id")).matches(TX_ID);
        JsonNode info = JsonMapper.builder().build().readTree(response.text());
        JsonNode swift = info.get("swift");
        assertThat(swift.get("version").asString()).isEqualTo("2.30.1");
        assertThat(swift.get("max_file_size").asLong()).isEqualTo(5368709122L);
        assertThat(swift.get("policies").get(0).get("name").asString()).isEqualTo("Policy-0");
        assertThat(swift.get("policies").get(0).get("aliases").asString()).isEqualTo("Policy-0");
        assertThat(swift.get("policies").get(0).get("default").asBoolean()).isTrue();
        assertThat(swift.has("valid_api_versions")).isFalse();
        assertThat(info.get("tempauth").get("account_acls").asBoolean()).isTrue();
    }

    @Test
    void leavesManagementEndpointsOutOfThePipeline() {
        int managementPort = context.getEnvironment().getRequiredProperty("local.management.port", Integer.class);

        RawResponse response = RawHttpClient.local(managementPort).send("GET", "/actuator/health");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("X-Trans-Id")).isNull();
    }
}
