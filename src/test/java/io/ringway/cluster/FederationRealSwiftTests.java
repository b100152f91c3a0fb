package io.ringway.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.testing.RingwayApps;
import io.ringway.testing.SwiftConfText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real Swift cluster as a federation target: a Ringway with its embedded storage has a
 * federated policy whose target is the real cluster's {@code swift-proxy-server} (tempauth's
 * {@code test:tester}). What the gateway writes in a federated container is in the real cluster
 * as if written there, byte for byte with the same object headers and listing, and what the real
 * proxy writes there is seen through the gateway.
 */
@ExtendWith(RealCluster.class)
class FederationRealSwiftTests {

    private static final List<String> OBJECT_HEADERS = List.of("Content-Length", "Content-Type", "ETag",
            "Last-Modified", "X-Timestamp", "X-Object-Meta-Color", "Content-Disposition");
    private static final int[] SIZES = {0, 1, 65_537, 3 << 20};

    @TempDir
    static Path data;

    private static ConfigurableApplicationContext gateway;
    private static Front local;
    private static Cluster realCluster;

    @BeforeAll
    static void start(Cluster cluster) throws Exception {
        realCluster = cluster;
        Files.createDirectories(data.resolve("etc"));
        Files.writeString(data.resolve("etc").resolve("swift.conf"),
                SwiftConfText.withDefaultPolicy0(SwiftConfText.federated(1, "real", "real-swift")));
        String target = "--ringway.federation.targets.real-swift.";
        gateway = RingwayApps.start(data, WebApplicationType.REACTIVE,
                "--ringway.middleware.tempauth.token-secret=federation-real-swift",
                target + "auth-url=" + cluster.proxyUrl() + "/auth/v1.0",
                target + "user=" + Front.USER,
                target + "key=" + Front.KEY,
                target + "container-prefix=fed-");
        int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
        local = Front.login(Side.RINGWAY, "http://127.0.0.1:" + port);
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
            realCluster.anotherRingwayClosed();
        }
    }

    @Test
    void whatTheGatewayWritesIsInTheRealClusterAsIfWrittenThere(Cluster cluster) {
        Front swift = cluster.front(Side.SWIFT);
        String c = Names.unique("fed");
        assertThat(local.send("PUT", c, "X-Storage-Policy", "real", "X-Container-Meta-Origin", "gateway").status())
                .isEqualTo(201);
        Reply there = swift.head("fed-" + c);
        assertThat(there.status()).isEqualTo(204);
        assertThat(there.header("X-Container-Meta-Origin")).isEqualTo("gateway");
        assertThat(local.head(c).header("X-Storage-Policy")).isEqualTo("real");

        for (int size : SIZES) {
            byte[] body = Names.bytes(size, size);
            String o = "dir/obj-" + size;
            assertThat(local.put(c + "/" + o, body, "Content-Type", "application/x-size-" + size,
                    "X-Object-Meta-Color", "teal " + size,
                    "Content-Disposition", "attachment; filename=\"" + size + ".bin\"").status()).isEqualTo(201);
            Reply direct = swift.get("fed-" + c + "/" + o);
            Reply through = local.get(c + "/" + o);
            assertThat(direct.status()).isEqualTo(200);
            assertThat(direct.body()).as(o).isEqualTo(body);
            assertThat(through.body()).as(o).isEqualTo(body);
            assertThat(objectHeaders(through)).as(o).isEqualTo(objectHeaders(direct))
                    .containsEntry("ETag", Names.md5(body))
                    .containsEntry("Content-Type", "application/x-size-" + size);
        }
        assertThat(local.get(c + "?format=json").text()).isEqualTo(swift.get("fed-" + c + "?format=json").text());
        assertThat(local.get(c).text()).isEqualTo("dir/obj-0\ndir/obj-1\ndir/obj-3145728\ndir/obj-65537\n");
        assertThat(local.get(c + "?delimiter=/").text()).isEqualTo("dir/\n");
        assertThat(local.head(c).header("X-Container-Object-Count")).isEqualTo("4");
    }

    @Test
    void whatTheRealProxyWritesIsSeenThroughTheGateway(Cluster cluster) {
        Front swift = cluster.front(Side.SWIFT);
        String c = Names.unique("fed");
        assertThat(local.send("PUT", c, "X-Storage-Policy", "real").status()).isEqualTo(201);
        byte[] body = Names.bytes(100_000, 5);
        assertThat(swift.put("fed-" + c + "/from-swift", body, "X-Object-Meta-Color", "amber").status())
                .isEqualTo(201);

        Reply seen = local.get(c + "/from-swift");
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.body()).isEqualTo(body);
        assertThat(seen.header("X-Object-Meta-Color")).isEqualTo("amber");
        assertThat(local.get(c + "/from-swift", "Range", "bytes=-10").body())
                .isEqualTo(java.util.Arrays.copyOfRange(body, body.length - 10, body.length));

        assertThat(local.send("DELETE", c + "/from-swift").status()).isEqualTo(204);
        assertThat(swift.head("fed-" + c + "/from-swift").status()).isEqualTo(404);
        assertThat(local.send("DELETE", c).status()).isEqualTo(204);
        assertThat(swift.head("fed-" + c).status()).isEqualTo(404);
    }

    private static Map<String, String> objectHeaders(Reply reply) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : OBJECT_HEADERS) {
            headers.put(name, reply.header(name));
        }
        return headers;
    }
}
