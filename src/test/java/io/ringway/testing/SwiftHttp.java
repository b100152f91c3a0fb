package io.ringway.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** A Swift endpoint and a tempauth token for it, for tests that talk to a gateway with the JDK's client. */
public final class SwiftHttp {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String token;

    /** Authenticates as {@code user} with {@code key} at {@code /auth/v1.0} of the gateway on {@code port}. */
    public SwiftHttp(int port, String user, String key) throws Exception {
        this.base = "http://127.0.0.1:" + port;
        HttpResponse<String> auth = http.send(HttpRequest.newBuilder(URI.create(base + "/auth/v1.0"))
                .header("X-Auth-User", user).header("X-Auth-Key", key).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(auth.statusCode()).isEqualTo(200);
        this.token = auth.headers().firstValue("X-Auth-Token").orElseThrow();
    }

    /** {@code http://127.0.0.1:port}. */
    public String base() {
        return base;
    }

    /** A bodiless request to {@code /v1/path}, with the token and {@code headers} (name, value, ...). */
    public HttpResponse<String> send(String method, String path, String... headers) throws Exception {
        return http.send(request(method, path, HttpRequest.BodyPublishers.noBody(), true, headers),
                HttpResponse.BodyHandlers.ofString());
    }

    /** As {@link #send}, without the token. */
    public HttpResponse<String> sendWithoutToken(String method, String path, String... headers) throws Exception {
        return http.send(request(method, path, HttpRequest.BodyPublishers.noBody(), false, headers),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A request to any path of the gateway ({@code /info}, {@code /recon/...}), without the token. */
    public HttpResponse<String> raw(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).method(method,
                HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A PUT of {@code body} (of known length) to {@code /v1/path}. */
    public HttpResponse<String> put(String path, byte[] body, String... headers) throws Exception {
        return http.send(request("PUT", path.replace(" ", "%20").replace("ü", "%C3%BC"),
                HttpRequest.BodyPublishers.ofByteArray(body), true, headers), HttpResponse.BodyHandlers.ofString());
    }

    /** A request with {@code body}, of a length the client does not state (sent chunked). */
    public HttpResponse<String> putChunked(String path, byte[] body, String... headers) throws Exception {
        HttpRequest.BodyPublisher unknownLength = HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofByteArray(body));
        return http.send(request("PUT", path, unknownLength, true, headers), HttpResponse.BodyHandlers.ofString());
    }

    /** A PUT of {@code length} bytes read from {@code body} as they are sent. */
    public HttpResponse<String> putStream(String path, java.util.function.Supplier<java.io.InputStream> body,
            long length) throws Exception {
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(body), length);
        return http.send(request("PUT", path, publisher, true), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET of {@code /v1/path}, the body as bytes. */
    public HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        return http.send(request("GET", path, HttpRequest.BodyPublishers.noBody(), true, headers),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest request(String method, String path, HttpRequest.BodyPublisher body, boolean withToken,
            String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/v1/" + path))
                .method(method, body)
                .timeout(Duration.ofSeconds(60));
        if (withToken) {
            request.header("X-Auth-Token", token);
        }
        List<String> pairs = List.of(headers);
        for (int i = 0; i < pairs.size(); i += 2) {
            request.header(pairs.get(i), pairs.get(i + 1));
        }
        return request.build();
    }
}
