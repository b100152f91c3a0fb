package io.ringway.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.policy.SwiftConf;
import io.ringway.ring.Node;
import io.ringway.ring.Ring;
import io.ringway.ring.Rings;
import io.ringway.storage.node.NodePorts;
import io.ringway.storage.node.ServerType;
import io.ringway.testing.RingwayApps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** The default single-machine topology: swift.conf and rings made on first start, kept after. */
class EmbeddedClusterIntegrationTests {

    @TempDir
    Path data;

    @Test
    void createsSwiftConfAndThreeReplicaRingsOverTheNodesDevicesOnFirstStart() throws Exception {
        try (ConfigurableApplicationContext context = start()) {
            Path etc = data.resolve("etc");
            assertThat(etc.resolve("swift.conf")).exists();
            for (String ring : List.of("account", "container", "object")) {
                assertThat(etc.resolve(ring + ".ring.gz")).exists();
            }
            Rings rings = context.getBean(Rings.class);
            NodePorts ports = context.getBean(NodePorts.class);
            Ring objects = rings.object(0);
            int partition = objects.partition("AUTH_test", "c", "o");
            List<Node> primaries = objects.primaryNodes(partition);
            assertThat(primaries).hasSize(3);
            assertThat(primaries).extracting(node -> node.device().device())
                    .containsExactlyInAnyOrder("d1", "d2", "d3");
            assertThat(primaries).allSatisfy(node -> {
                assertThat(node.device().ip()).isEqualTo("127.0.0.1");
                assertThat(node.device().port()).isEqualTo(ports.port(ServerType.OBJECT));
            });
            assertThat(rings.account().primaryNodes(0)).extracting(node -> node.device().port())
                    .containsOnly(ports.port(ServerType.ACCOUNT));
            assertThat(data.resolve("node/d1")).isDirectory();
        }
    }

    @Test
    void keepsTheHashPathAndPlacementAcrossRestarts() throws Exception {
        String firstConf;
        int firstPartition;
        List<String> firstPrimaries;
        try (ConfigurableApplicationContext context = start()) {
            firstConf = Files.readString(data.resolve("etc/swift.conf"));
            Ring objects = context.getBean(Rings.class).object(0);
            firstPartition = objects.partition("AUTH_test", "photos", "cat.jpg");
            firstPrimaries = objects.primaryNodes(firstPartition).stream().map(n -> n.device().device()).toList();
        }
        try (ConfigurableApplicationContext context = start()) {
            assertThat(Files.readString(data.resolve("etc/swift.conf"))).isEqualTo(firstConf);
            Ring objects = context.getBean(Rings.class).object(0);
            assertThat(objects.partition("AUTH_test", "photos", "cat.jpg")).isEqualTo(firstPartition);
            assertThat(objects.primaryNodes(firstPartition)).extracting(n -> n.device().device())
                    .containsExactlyElementsOf(firstPrimaries);
            assertThat(context.getBean(SwiftConf.class).hashPath().suffix()).hasSize(32);
        }
    }

    private ConfigurableApplicationContext start() {
        return RingwayApps.start(data, WebApplicationType.NONE);
    }
}
