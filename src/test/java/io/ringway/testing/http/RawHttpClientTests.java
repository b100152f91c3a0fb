package io.ringway.testing.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

final class RawHttpClientTests {

    @Test
    void sendsExactlyTheGivenHeadAndBody() throws IOException {
        try (FakeHttpServer server = new FakeHttpServer(r -> "HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n")) {
            RawResponse response = client(server).exchange(RawRequest.of("REPLICATE", "/d1/0/a%20b")
                    .header("X-Timestamp", "1.00000")
                    .body("hello"));

            assertThat(response.status()).isEqualTo(201);
            assertThat(server.received().get(0).head())
                    .isEqualTo("REPLICATE /d1/0/a%20b HTTP/1.1\r\nX-Timestamp: 1.00000\r\nContent-Length: 5\r\n\r\n");
            assertThat(server.received().get(0).body()).isEqualTo("hello");
        }
    }

    @Test
    void readsContentLengthBodyAndCaseInsensitiveRepeatedHeaders() throws IOException {
        String answer = "HTTP/1.1 200 OK\r\nX-Object-Meta-A: 1\r\nx-object-meta-a: 2\r\nContent-Length: 3\r\n\r\nabc";
        try (FakeHttpServer server = new FakeHttpServer(r -> answer)) {
            RawResponse response = client(server).exchange(RawRequest.of("GET", "/"));

            assertThat(response.text()).isEqualTo("abc");
            assertThat(response.headers().all("X-OBJECT-META-A")).containsExactly("1", "2");
            assertThat(response.reason()).isEqualTo("OK");
        }
    }

    @Test
    void decodesAChunkedResponseBody() throws IOException {
        String answer = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n";
        try (FakeHttpServer server = new FakeHttpServer(r -> answer)) {
            assertThat(client(server).exchange(RawRequest.of("GET", "/")).text()).isEqualTo("abcde");
        }
    }

    @Test
    void readsABodyWithoutLengthUpToTheClose() throws IOException {
        try (FakeHttpServer server = new FakeHttpServer(r -> "HTTP/1.1 200 OK\r\n\r\nuntil close")) {
            assertThat(client(server).exchange(RawRequest.of("GET", "/")).text()).isEqualTo("until close");
        }
    }

    @Test
    void readsNoBodyForHeadDespiteContentLength() throws IOException {
        try (FakeHttpServer server = new FakeHttpServer(r -> "HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n")) {
            RawResponse response = client(server).exchange(RawRequest.of("HEAD", "/"));

            assertThat(response.body()).isEmpty();
            assertThat(response.headers().first("content-length")).isEqualTo("11");
        }
    }

    @Test
    void sendsChunkedBodies() throws IOException {
        try (FakeHttpServer server = new FakeHttpServer(r -> "HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n")) {
            client(server).exchange(RawRequest.of("PUT", "/").chunked("abc", "defgh"));

            assertThat(server.received().get(0).body()).isEqualTo("3\r\nabc\r\n5\r\ndefgh\r\n0\r\n\r\n");
        }
    }

    @Test
    void sendsTheBodyAfterOneHundredContinueAndRecordsIt() throws IOException {
        try (FakeHttpServer server = new FakeHttpServer(r -> "HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n")) {
            RawResponse response = client(server).exchange(RawRequest.of("PUT", "/").body("xyz").expectContinue());

            assertThat(response.interim()).containsExactly(100);
            assertThat(response.status()).isEqualTo(201);
            assertThat(server.received().get(0).body()).isEqualTo("xyz");
        }
    }

    @Test
    void abortingReadsNoResponse() throws IOException {
        try (FakeHttpServer server = new FakeHttpServer(r -> "HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n")) {
            RawResponse response = client(server).exchange(RawRequest.of("PUT", "/")
                    .header("Content-Length", "3").rawBody(new byte[] {'a', 'b', 'c'}).abortAfterBody());

            assertThat(response.status()).isEqualTo(RawResponse.NO_RESPONSE);
        }
    }

    @Test
    void timesOutOnAnIncompleteResponse() throws IOException {
        try (FakeHttpServer server = new FakeHttpServer(r -> {
            sleep(Duration.ofMillis(800));
            return "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
        })) {
            RawHttpClient client = new RawHttpClient("127.0.0.1", server.port(), Duration.ofMillis(200));

            assertThatThrownBy(() -> client.exchange(RawRequest.of("GET", "/slow")))
                    .isInstanceOf(SocketTimeoutException.class)
                    .hasMessageContaining("GET /slow");
        }
    }

    private static RawHttpClient client(FakeHttpServer server) {
        return new RawHttpClient("127.0.0.1", server.port(), Duration.ofSeconds(5));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
