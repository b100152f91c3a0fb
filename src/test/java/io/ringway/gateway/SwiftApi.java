package io.ringway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.ring.Node;
import io.ringway.ring.Ring;
import io.ringway.ring.Rings;
import io.ringway.swift.Timestamp;
import io.ringway.testing.SwiftConfText;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A booted gateway with Swift's full pipeline (cache, listing_formats, tempauth) over the embedded
 * node, and the requests the account and container tests make: as tempauth's admin
 * {@code test:tester} (an owner of {@code AUTH_test}) unless they pass their own token.
 */
final class SwiftApi implements AutoCloseable {

    static final String PIPELINE = "--ringway.pipeline=catch_errors,gatekeeper,healthcheck,proxy_logging,cache,"
            + "listing_formats,tempauth,proxy_logging";

    final ConfigurableApplicationContext app;
    final String base;
    final String token;
    private final HttpClient http = HttpClient.newHttpClient();

    private SwiftApi(ConfigurableApplicationContext app) throws Exception {
        this.app = app;
        this.base = "http://127.0.0.1:" + GatewayApp.port(app);
        this.token = token("test:tester", "testing");
    }

    /** Policy 0 (default), gold (alias yellow) and a deprecated one: written before the first start. */
    static final String SWIFT_CONF = SwiftConfText.withDefaultPolicy0("""
            [storage-policy:1]
            name = gold
            aliases = yellow

            [storage-policy:2]
            name = old
            deprecated = yes
            """);

    static SwiftApi start(Path data, String... extraArgs) throws Exception {
        java.nio.file.Files.createDirectories(data.resolve("etc"));
        java.nio.file.Files.writeString(data.resolve("etc").resolve("swift.conf"), SWIFT_CONF);
        List<String> args = new ArrayList<>(List.of(PIPELINE,
                "--ringway.middleware.tempauth.token-secret=integration-test-secret", "--logging.level.ringway.access=INFO"));
        args.addAll(List.of(extraArgs));
        return new SwiftApi(GatewayApp.start(data, args.toArray(String[]::new)));
    }

    String token(String user, String key) throws Exception {
        HttpResponse<String> auth = http.send(HttpRequest.newBuilder(URI.create(base + "/auth/v1.0"))
                .header("X-Auth-User", user)
                .header("X-Auth-Key", key)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(auth.statusCode()).isEqualTo(200);
        return auth.headers().firstValue("X-Auth-Token").orElseThrow();
    }

    /** {@code method /v1/<path>} as test:tester, with header name/value pairs. */
    HttpResponse<String> send(String method, String path, String... headers) throws Exception {
        return sendAs(token, method, path, headers);
    }

    HttpResponse<String> sendAs(String authToken, String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/v1/" + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                // A request that hangs fails its test instead of the whole run (seen twice before main's ServerLoop fix).
                .timeout(java.time.Duration.ofSeconds(20))
                .header("X-Auth-Token", authToken);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Records an object in the container's databases, as an object server's update would. */
    void recordObject(String account, String container, String object, long size, int policyIndex) throws Exception {
        Ring ring = app.getBean(Rings.class).container();
        int partition = ring.partition(account, container, null);
        String timestamp = Timestamp.now().internal();
        for (Node node : ring.primaryNodes(partition)) {
            URI uri = URI.create("http://" + node.device().ip() + ":" + node.device().port() + "/"
                    + node.device().device() + "/" + partition + "/" + account + "/" + container + "/" + object);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                    .PUT(HttpRequest.BodyPublishers.noBody())
                    .header("X-Timestamp", timestamp)
                    .header("X-Size", Long.toString(size))
                    .header("X-Content-Type", "text/plain")
                    .header("X-Etag", "d41d8cd98f00b204e9800998ecf8427e")
                    .header("X-Backend-Storage-Policy-Index", Integer.toString(policyIndex))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(201);
        }
    }

    @Override
    public void close() {
        app.close();
    }
}
