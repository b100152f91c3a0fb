package io.ringway.middleware.proxylogging;

import static io.ringway.middleware.proxylogging.ProxyLoggingHarness.END;
import static io.ringway.middleware.proxylogging.ProxyLoggingHarness.FIRST_BYTE;
import static io.ringway.middleware.proxylogging.ProxyLoggingHarness.START;
import static io.ringway.middleware.proxylogging.ProxyLoggingHarness.answering;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.ringway.middleware.Middleware;
import io.ringway.middleware.RequestContext;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class ProxyLoggingLogLineTests {

    static final String TOKEN = "AUTH_tk0123456789abcdef0123";
    static final String TRANS_ID = "tx0123456789abcdef01234-0065540000";

    private final ProxyLoggingHarness harness = new ProxyLoggingHarness();

    @AfterEach
    void detach() {
        harness.close();
    }

    static MockServerHttpRequest.BaseBuilder<?> get(String path) {
        // An encoded URI: the builder taking a template would encode '%' again.
        return MockServerHttpRequest.method(HttpMethod.GET, URI.create("http://localhost:8080" + path))
                .remoteAddress(new InetSocketAddress("10.0.0.2", 55555))
                .header("Host", "localhost:8080")
                .header("X-Auth-Token", TOKEN)
                .header("User-Agent", "curl/7.88.1")
                .header("X-Forwarded-For", "192.0.2.1, 10.0.0.1")
                .header("Referer", "http://example.com/page");
    }

    String run(Middleware stage, MockServerHttpRequest request) {
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        RequestContext.of(exchange).transactionId(TRANS_ID);
        stage.handle(exchange, next -> {
            next.getResponse().getHeaders().set("X-Backend-Storage-Policy-Index", "1");
            return answering(HttpStatus.OK, "hello ", "world").next(next);
        }).block();
        assertThat(harness.lines()).hasSize(1);
        return harness.lines().get(0);
    }

    @Test
    void logsSwiftsDefaultFieldsInOrderForAGet() {
        String line = run(harness.stage(), get("/v1/AUTH_test/c%20x/o?format=json").build());

        assertThat(line).isEqualTo("192.0.2.1 10.0.0.2 14/Nov/2023/22/13/20 GET /v1/AUTH_test/c%2520x/o%3Fformat%3Djson "
                + "HTTP/1.1 200 http://example.com/page curl/7.88.1 AUTH_tk012345678... - 11 - " + TRANS_ID
                + " - 0.2500 - - 1700000000.250000000 1700000000.500000000 1");
    }

    @Test
    void cutsTheTokenAfterRevealSensitivePrefixCharacters() {
        ProxyLoggingConfig four = ProxyLoggingConfig.defaults().withRevealSensitivePrefix(4).withLogMsgTemplate("{auth_token}");

        assertThat(run(harness.stage(four), get("/v1/AUTH_test").build())).isEqualTo("AUTH...");
    }

    @Test
    void showsATokenNoLongerThanThePrefixWhole() {
        ProxyLoggingConfig config = ProxyLoggingConfig.defaults().withLogMsgTemplate("{auth_token}");

        assertThat(run(harness.stage(config),
                MockServerHttpRequest.get("http://localhost:8080/v1/AUTH_test").header("X-Auth-Token", "AUTH_tkshort").build()))
                .isEqualTo("AUTH_tkshort");
    }

    @Test
    void quotesLoggedHeadersAndCutsTheirTokens() {
        ProxyLoggingConfig config = ProxyLoggingConfig.defaults().withAccessLogHeaders(List.of()).withLogMsgTemplate(
                "{headers}");

        String line = run(harness.stage(config), MockServerHttpRequest.get("http://localhost:8080/v1/AUTH_test")
                .header("Host", "localhost:8080")
                .header("x-auth-token", TOKEN)
                .header("User-Agent", "curl/7.88.1 (x86_64)")
                .build());

        assertThat(line).isEqualTo("Host:%20localhost:8080%0AX-Auth-Token:%20AUTH_tk012345678...%0A"
                + "User-Agent:%20curl/7.88.1%20%28x86_64%29");
    }

    @Test
    void logsOnlyTheListedHeadersWhenAccessLogHeadersOnlyIsSet() {
        ProxyLoggingConfig config = ProxyLoggingConfig.defaults().withAccessLogHeaders(List.of("user-agent", "X-Missing"))
                .withLogMsgTemplate("{headers}");

        assertThat(run(harness.stage(config), get("/v1/AUTH_test").build())).isEqualTo("User-Agent:%20curl/7.88.1");
    }

    @Test
    void showsDashForMissingOrZeroValues() {
        ProxyLoggingConfig config = ProxyLoggingConfig.defaults().withLogMsgTemplate(
                "{referer} {bytes_recvd} {client_etag} {source} {log_info} {headers} {container}");

        String line = run(harness.stage(config), MockServerHttpRequest.get("http://localhost:8080/v1/AUTH_test").build());

        assertThat(line).isEqualTo("- - - - - - -");
    }

    @Test
    void showsSourceLogInfoAndPathPartsFromTheRequestContext() {
        ProxyLoggingConfig config = ProxyLoggingConfig.defaults().withLogMsgTemplate(
                "{source} {log_info} {account} {container} {object} {domain}");
        MockServerWebExchange exchange = MockServerWebExchange.from(get("/v1/AUTH_test/c/o/p%20q").build());
        RequestContext context = RequestContext.of(exchange);
        context.swiftSource("SW");
        context.addLogInfo("x-delete-at:1700000100");
        context.addLogInfo("more");

        harness.stage(config).handle(exchange, answering(HttpStatus.OK, "x")).block();

        assertThat(harness.lines()).containsExactly("SW x-delete-at:1700000100%2Cmore AUTH_test c o/p%2520q localhost");
    }

    @Test
    void logsTimeToFirstByteAndTimeFieldsOnRequest() {
        ProxyLoggingConfig config = ProxyLoggingConfig.defaults().withLogMsgTemplate(
                "{ttfb} {start_time.iso8601} {end_time.ms} {start_time.s} {start_time.asctime}");

        assertThat(run(harness.stage(config), get("/v1/AUTH_test").build()))
                .isEqualTo("0.125 2023-11-14T22:13:20 500 1700000000 Tue%20Nov%2014%2022:13:20%202023");
    }

    @Test
    void anonymizesFieldsWithTheSaltedMethod() {
        ProxyLoggingConfig config = new ProxyLoggingConfig("{client_ip.anonymized} {remote_addr.anonymized}", null,
                null, null, "md5", "");

        // md5("192.0.2.1") and md5("10.0.0.2")
        assertThat(run(harness.stage(config), get("/v1/AUTH_test").build()))
                .isEqualTo("{MD5}" + md5("192.0.2.1") + " {MD5}" + md5("10.0.0.2"));
    }

    @Test
    void refusesATemplateSwiftCouldNotInterpolate() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ProxyLoggingConfig.defaults().withLogMsgTemplate("{client_ip} {nope}"))
                .withMessageContaining("unknown field 'nope'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ProxyLoggingConfig.defaults().withLogMsgTemplate("{method.anonymized}"))
                .withMessageContaining("no attribute");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ProxyLoggingConfig.defaults().withLogMsgTemplate("{ttfb:.3f}"))
                .withMessageContaining("unsupported field {ttfb:.3f}");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ProxyLoggingConfig(null, null, null, null, "crc32", null))
                .withMessageContaining("logAnonymizationMethod: crc32");
    }

    @Test
    void configToStringHidesTheSalt() {
        assertThat(new ProxyLoggingConfig(null, null, null, null, null, "pepper").toString())
                .contains("logAnonymizationSalt=(set)")
                .doesNotContain("pepper");
    }

    private static String md5(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static double seconds(java.time.Instant instant) {
        return AccessLogValues.seconds(instant);
    }

    static final double START_S = seconds(START);
    static final double FIRST_BYTE_S = seconds(FIRST_BYTE);
    static final double END_S = seconds(END);
}
