package io.ringway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.testing.http.RawConnection;
import io.ringway.testing.http.RawHttpClient;
import io.ringway.testing.http.RawResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** Requests as clients put them on the wire, not as Java's URI would like them (Swift's tests.py does this). */
class RawRequestIntegrationTests {

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

    private static RawResponse sendRaw(byte[] target, String... headerLines) throws Exception {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.writeBytes("PUT ".getBytes(StandardCharsets.US_ASCII));
        head.writeBytes(target);
        head.writeBytes(" HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n".getBytes(StandardCharsets.US_ASCII));
        for (String line : headerLines) {
            head.writeBytes((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        head.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        try (RawConnection connection = gateway.open()) {
            connection.send(head.toByteArray());
            return connection.read("PUT");
        }
    }

    @Test
    void aContainerNamedInRawUtf8IsTheSameAsQuoted() throws Exception {
        RawResponse created = sendRaw("/v1/AUTH_test/caf\u00e9\u2603".getBytes(StandardCharsets.UTF_8));

        assertThat(created.status()).isEqualTo(201);
        assertThat(gateway.send("HEAD", "/v1/AUTH_test/caf%C3%A9%E2%98%83").status()).isEqualTo(204);
    }

    @Test
    void invalidUtf8InThePathIs412AsSwift() throws Exception {
        RawResponse refused = sendRaw(new byte[] {'/', 'v', '1', '/', 'A', 'U', 'T', 'H', '_', 't', '/', (byte) 0xff,
                (byte) 0x80});

        assertThat(refused.status()).isEqualTo(412);
        assertThat(refused.text()).isEqualTo("Invalid UTF8 or contains NULL");
    }

    @Test
    void aHeaderLineLongerThanMaxHeaderSizeIsRefusedAsEventletDoes() throws Exception {
        RawResponse refused = sendRaw("/v1/AUTH_test/c".getBytes(StandardCharsets.US_ASCII),
                "X-Container-Meta-Big: " + "x".repeat(8192));
        RawResponse accepted = sendRaw("/v1/AUTH_test/c2".getBytes(StandardCharsets.US_ASCII),
                "X-Container-Read: " + "x".repeat(8000));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(accepted.status()).isEqualTo(201);
    }

    @Test
    void aBodyThatIsNotChunkedInACodingListStillGetsTheProxys501() throws Exception {
        assertThat(gateway.send("PUT", "/v1/AUTH_test/coded").status()).isIn(201, 202);
        // tests.py testBadHeaders: headers and 100 random bytes; a line feed ends a "chunk size" line.
        byte[] request = ("PUT /v1/AUTH_test/coded/o HTTP/1.1\r\nHost: localhost\r\n"
                + "Transfer-Encoding: gzip,chunked\r\n\r\n" + "zq\n".repeat(33) + "z")
                .getBytes(StandardCharsets.US_ASCII);

        try (RawConnection connection = gateway.open()) {
            RawResponse refused = connection.send(request).read("PUT");

            assertThat(refused.status()).isEqualTo(501);
            assertThat(refused.text()).isEqualTo(
                    "Unsupported Transfer-Coding header value specified in Transfer-Encoding header");
            assertThat(refused.headers().first("Connection")).isEqualToIgnoringCase("close");
        }
    }
}
