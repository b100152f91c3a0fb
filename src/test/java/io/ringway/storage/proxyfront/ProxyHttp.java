package io.ringway.storage.proxyfront;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Raw HTTP/1.1 against the proxy with a tempauth token, for what the CLI does not show
 * (ranges, exact response headers) and for direct requests to the node's servers.
 */
final class ProxyHttp {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();

    private final String storageUrl;
    private final String token;

    private ProxyHttp(String storageUrl, String token) {
        this.storageUrl = requireNonNull(storageUrl, "storageUrl");
        this.token = requireNonNull(token, "token");
    }

    /** Logs in through tempauth's v1.0 endpoint, as the CLI does. */
    static ProxyHttp login(String authUrl, String user, String key) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(URI.create(authUrl))
                .header("X-Auth-User", user)
                .header("X-Auth-Key", key)
                .GET());
        if (response.statusCode() != 200) {
            throw new AssertionError("tempauth login as " + user + ": " + response.statusCode());
        }
        return new ProxyHttp(response.headers().firstValue("X-Storage-Url").orElseThrow(),
                response.headers().firstValue("X-Auth-Token").orElseThrow());
    }

    String token() {
        return token;
    }

    /** The account's URL, e.g. {@code http://127.0.0.1:port/v1/AUTH_test}. */
    String storageUrl() {
        return storageUrl;
    }

    /** A request to {@code storageUrl + path} with the token; {@code headers} as name, value pairs. */
    HttpResponse<byte[]> request(String method, String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(storageUrl + path))
                .header("X-Auth-Token", token)
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder);
    }

    /** A request without a token to any URL (the node's own servers). */
    static HttpResponse<byte[]> direct(String method, String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder builder) throws IOException, InterruptedException {
        return CLIENT.send(builder.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
