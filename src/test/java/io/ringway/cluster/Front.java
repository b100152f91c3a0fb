package io.ringway.cluster;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * One proxy as a Swift client sees it: logged in through tempauth as {@code test:tester} (the
 * same code on both proxies), then requests relative to the storage URL it was given
 * ({@code ""} for the account, {@code "c"}, {@code "c/o"}), headers as name/value pairs.
 */
final class Front {

    static final String USER = "test:tester";
    static final String KEY = "testing";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final Side side;
    private final String storageUrl;
    private final String token;

    private Front(Side side, String storageUrl, String token) {
        this.side = requireNonNull(side, "side");
        this.storageUrl = requireNonNull(storageUrl, "storageUrl");
        this.token = requireNonNull(token, "token");
    }

    /** Gets a token from {@code <url>/auth/v1.0}, as python-swiftclient does with v1.0 auth. */
    static Front login(Side side, String url) {
        return login(side, url, USER, KEY);
    }

    static Front login(Side side, String url, String user, String key) {
        HttpRequest auth = HttpRequest.newBuilder(URI.create(url + "/auth/v1.0"))
                .header("X-Auth-User", user)
                .header("X-Auth-Key", key)
                .timeout(TIMEOUT)
                .build();
        HttpResponse<String> reply = call(auth, HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 200) {
            throw new IllegalStateException(side + ": tempauth login gave " + reply.statusCode() + " " + reply.body());
        }
        return new Front(side, reply.headers().firstValue("X-Storage-Url").orElseThrow(),
                reply.headers().firstValue("X-Auth-Token").orElseThrow());
    }

    /** The same login on another account (a reseller admin's requests to any account). */
    Front onAccount(String account) {
        return new Front(side, storageUrl.substring(0, storageUrl.lastIndexOf('/') + 1) + account, token);
    }

    Reply send(String method, String path, String... headers) {
        return send(method, path, new byte[0], headers);
    }

    Reply put(String path, byte[] body, String... headers) {
        return send("PUT", path, body, headers);
    }

    Reply get(String path, String... headers) {
        return send("GET", path, headers);
    }

    Reply head(String path, String... headers) {
        return send("HEAD", path, headers);
    }

    Reply send(String method, String path, byte[] body, String... headers) {
        HttpRequest request = request(method, path, HttpRequest.BodyPublishers.ofByteArray(body), headers);
        HttpResponse<byte[]> reply = call(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(side, reply.statusCode(), reply.headers(), reply.body());
    }

    /** A GET whose body the caller reads at its own pace (and closes). */
    HttpResponse<InputStream> stream(String path, String... headers) {
        return call(request("GET", path, HttpRequest.BodyPublishers.noBody(), headers),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    @Override
    public String toString() {
        return side + " " + storageUrl;
    }

    private HttpRequest request(String method, String path, HttpRequest.BodyPublisher body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.isEmpty() ? storageUrl : storageUrl + "/" + path))
                .method(method, body)
                .timeout(TIMEOUT)
                .header("X-Auth-Token", token);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request.build();
    }

    private static <T> HttpResponse<T> call(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return HTTP.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
