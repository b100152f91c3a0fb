package io.ringway.middleware.proxylogging;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.middleware.Middleware;
import io.ringway.middleware.Placement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class ProxyLoggingFactoryTests {

    private final ProxyLoggingHarness harness = new ProxyLoggingHarness();

    @AfterEach
    void detach() {
        harness.close();
    }

    @Test
    void isRegisteredUnderSwiftsNameAnywhereInThePipeline() {
        ProxyLoggingFactory factory = new ProxyLoggingFactory();

        assertThat(factory.name()).isEqualTo("proxy_logging");
        assertThat(factory.configType()).isEqualTo(ProxyLoggingConfig.class);
        assertThat(factory.placement()).isEqualTo(Placement.ANYWHERE);
        assertThat(factory.info(ProxyLoggingConfig.defaults())).isNull();
    }

    @Test
    void defaultsAreSwifts() {
        ProxyLoggingConfig config = ProxyLoggingConfig.defaults();

        assertThat(config.logMsgTemplate()).isEqualTo("{client_ip} {remote_addr} {end_time.datetime} {method} {path} "
                + "{protocol} {status_int} {referer} {user_agent} {auth_token} {bytes_recvd} {bytes_sent} "
                + "{client_etag} {transaction_id} {headers} {request_time} {source} {log_info} {start_time} "
                + "{end_time} {policy_index}");
        assertThat(config.accessLogHeaders()).isFalse();
        assertThat(config.accessLogHeadersOnly()).isEqualTo(List.of());
        assertThat(config.revealSensitivePrefix()).isEqualTo(16);
        assertThat(config.logAnonymizationMethod()).isEqualTo("md5");
        assertThat(config.logAnonymizationSalt()).isEmpty();
    }

    @Test
    void buildsAStageWithoutMeterRegistryOrClock() {
        Middleware stage = new ProxyLoggingFactory().create(ProxyLoggingConfig.defaults().withLogMsgTemplate("{status_int}"),
                new io.ringway.middleware.MiddlewareContext() {
                    @Override
                    public <T> T service(Class<T> type) {
                        throw new IllegalStateException("no " + type);
                    }
                });

        stage.handle(MockServerWebExchange.from(MockServerHttpRequest.get("/healthcheck").build()),
                ProxyLoggingHarness.answering(HttpStatus.OK, "OK")).block();

        assertThat(harness.lines()).containsExactly("200");
    }
}
