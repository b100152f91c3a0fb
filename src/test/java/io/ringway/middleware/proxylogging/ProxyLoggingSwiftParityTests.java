package io.ringway.middleware.proxylogging;

import static io.ringway.middleware.proxylogging.ProxyLoggingHarness.answering;
import static io.ringway.middleware.proxylogging.ProxyLoggingLogLineTests.END_S;
import static io.ringway.middleware.proxylogging.ProxyLoggingLogLineTests.FIRST_BYTE_S;
import static io.ringway.middleware.proxylogging.ProxyLoggingLogLineTests.START_S;
import static io.ringway.middleware.proxylogging.ProxyLoggingLogLineTests.TRANS_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.middleware.RequestContext;
import io.ringway.testing.PythonSwift;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

/**
 * Our line against the one Swift 2.30's {@code log_request} makes for the same request, times,
 * status and byte counts; skipped where Debian's swift module is absent.
 */
class ProxyLoggingSwiftParityTests {

    static final String ODD_PATH = "/v1/AUTH_test/caf%C3%A9/a%20b+c~d%2Fe%25f";
    static final String ODD_QUERY = "multipart-manifest=get&temp_url_sig=0123456789abcdef0123456789&x=1&x=2&e=a+b%2F";
    static final List<List<String>> HEADERS = List.of(
            List.of("Host", "example.com:8080"),
            List.of("X-Auth-Token", "AUTH_tk0123456789abcdef0123"),
            List.of("X-Storage-Token", "AUTH_tk0123456789abcdef0123"),
            List.of("User-Agent", "python-swiftclient-4.2.0 (x86_64; \"quoted\")"),
            List.of("X-Cluster-Client-Ip", "198.51.100.7"),
            List.of("X-Forwarded-For", "192.0.2.1"),
            List.of("Etag", "d41d8cd98f00b204e9800998ecf8427e"),
            List.of("X-Object-Meta-Color1tone", "blue green"));

    private static String python;

    private final ProxyLoggingHarness harness = new ProxyLoggingHarness();

    @BeforeAll
    static void findSwift() {
        python = PythonSwift.interpreter().orElse(null);
        Assumptions.assumeTrue(python != null, "Debian's python3 swift module is not installed");
    }

    @AfterEach
    void detach() {
        harness.close();
    }

    @Test
    void defaultLineOfAGetIsSwifts() throws Exception {
        assertSameLine(ProxyLoggingConfig.defaults(), Map.of(), "/v1/AUTH_test/c%20x/o", "format=json");
    }

    @Test
    void oddPathsQueriesSensitiveParametersAndHeadersAreLoggedAsSwiftDoes() throws Exception {
        ProxyLoggingConfig config = ProxyLoggingConfig.defaults().withAccessLogHeaders(List.of());

        assertSameLine(config, Map.of("access_log_headers", "true"), ODD_PATH, ODD_QUERY);
    }

    @Test
    void headersOnlyIsMatchedAsSwiftTitlesThem() throws Exception {
        ProxyLoggingConfig config = ProxyLoggingConfig.defaults()
                .withAccessLogHeaders(List.of("x-object-meta-color1tone", "etag", "x-storage-token"));

        assertSameLine(config, Map.of("access_log_headers", "true",
                "access_log_headers_only", "x-object-meta-color1tone,etag,x-storage-token"), ODD_PATH, "");
    }

    @Test
    void everyOtherTemplateFieldIsSwifts() throws Exception {
        String template = "{domain} {account} {container} {object} {ttfb} {wire_status_int} "
                + "{start_time.iso8601} {end_time.asctime} {start_time.ms} {start_time.us} {start_time.ns} "
                + "{start_time.s} {start_time.a} {start_time.A} {start_time.B} {start_time.c} {start_time.d} "
                + "{start_time.H} {start_time.I} {start_time.j} {start_time.m} {start_time.M} {start_time.p} "
                + "{start_time.S} {start_time.U} {start_time.w} {start_time.W} {start_time.x} {start_time.X} "
                + "{start_time.y} {start_time.Y} {start_time.Z} {{literal}} {client_ip.anonymized} "
                + "{path.anonymized} {user_agent.anonymized} {container.anonymized} {referer.anonymized}";
        ProxyLoggingConfig config = new ProxyLoggingConfig(template, null, null, null, "sha256", "pepper");

        assertSameLine(config, Map.of("log_msg_template", template, "log_anonymization_method", "sha256",
                "log_anonymization_salt", "pepper"), ODD_PATH, ODD_QUERY);
    }

    private void assertSameLine(ProxyLoggingConfig config, Map<String, String> swiftConf, String path, String query)
            throws Exception {
        String pathQs = query.isEmpty() ? path : path + "?" + query;
        MockServerHttpRequest.BaseBuilder<?> builder = MockServerHttpRequest
                .method(HttpMethod.GET, URI.create("http://example.com:8080" + pathQs))
                .remoteAddress(new InetSocketAddress("10.0.0.2", 55555));
        HEADERS.forEach(header -> builder.header(header.get(0), header.get(1)));
        MockServerWebExchange exchange = MockServerWebExchange.from(builder.build());
        RequestContext context = RequestContext.of(exchange);
        context.transactionId(TRANS_ID);
        context.swiftSource("SW");
        context.addLogInfo("x-delete-at:1700000100");
        harness.stage(config).handle(exchange, next -> {
            next.getResponse().getHeaders().set("X-Backend-Storage-Policy-Index", "1");
            return answering(HttpStatus.PARTIAL_CONTENT, "hello ", "world").next(next);
        }).block();

        String swift = new SwiftLogRequest("GET", pathQs, HEADERS, "10.0.0.2")
                .set("conf", swiftConf)
                .set("environ", Map.of("swift.trans_id", TRANS_ID, "swift.source", "SW",
                        "swift.log_info", List.of("x-delete-at:1700000100")))
                .set("resp_headers", Map.of("X-Backend-Storage-Policy-Index", "1"))
                .set("sent", 11)
                .set("ttfb", FIRST_BYTE_S - START_S)
                .line(python, 206, START_S, END_S);
        assertThat(harness.lines()).containsExactly(swift);
    }
}
