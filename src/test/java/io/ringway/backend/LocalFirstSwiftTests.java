package io.ringway.backend;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.ring.Device;
import io.ringway.ring.Node;
import io.ringway.ring.Ring;
import io.ringway.ring.RingBuilder;
import io.ringway.ring.RingFileReader;
import io.ringway.ring.RingFileWriter;
import io.ringway.swift.HashPath;
import io.ringway.testing.PythonSwift;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LocalFirst}'s orders are those of Swift 2.30.1's own
 * {@code BaseObjectController.iter_nodes_local_first} (before {@code NodeIter} sorts the first
 * replicas' worth), on a ring of two regions and for several write affinity settings. Skipped
 * without Debian's swift module.
 */
class LocalFirstSwiftTests {

    private static final String[][] SETTINGS = {
            {"r1", "2 * replicas", "auto"},
            {"r1", "2", "1"},
            {"r2z1, r1z2", "3", "auto"},
            {"r2", "1 * replicas", "3"},
            {"r1z1", "2 * replicas", "3"},
            {"r1z1", "2 * replicas", "auto"},
    };

    @Test
    void ordersLocalNodesFirstAsSwift(@TempDir Path dir) throws Exception {
        String python = PythonSwift.interpreter().orElse(null);
        Assumptions.assumeTrue(python != null, "no python3 with Debian's swift module");
        List<Device> devices = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            devices.add(Device.of(i, 1 + i / 5, 1 + i % 3, "10.0." + i + ".1", 6200, "sd" + i, 100));
        }
        Path file = dir.resolve("object.ring.gz");
        RingFileWriter.write(RingBuilder.build(devices, 6, 3, 7), file);
        Ring ring = new Ring(RingFileReader.read(file), new HashPath("pre", "suf"));

        StringBuilder ours = new StringBuilder();
        for (String[] setting : SETTINGS) {
            PolicyOptions options = PolicyOptions.of("shuffle", "", setting[0], setting[1], setting[2]);
            for (int i = 0; i < 20; i++) {
                int part = ring.partition("AUTH_a", "c", "o" + i);
                int count = options.localHandoffsForDelete(ring.primaryNodes(part));
                ours.append(ids(LocalFirst.forWrite(ring, part, options))).append(' ')
                        .append(ids(LocalFirst.forDelete(ring, part, options, count))).append('\n');
            }
        }
        String swift = PythonSwift.run(python, """
                import sys
                from swift.common import utils
                from swift.common.ring import Ring
                from swift.proxy.server import ProxyOverrideOptions
                from swift.proxy.controllers.obj import BaseObjectController
                utils.HASH_PATH_PREFIX, utils.HASH_PATH_SUFFIX = b'pre', b'suf'
                ring = Ring(sys.argv[1])

                class App(object):
                    conn_timeout = 0.5
                    def iter_nodes(self, ring, partition, logger, node_iter=None, policy=None):
                        return list(node_iter)

                class Controller(object):
                    logger = None

                settings = [s.split('|') for s in sys.argv[2:]]
                for affinity, count, delete_count in settings:
                    app = App()
                    options = ProxyOverrideOptions({'write_affinity': affinity,
                                                    'write_affinity_node_count': count,
                                                    'write_affinity_handoff_delete_count': delete_count}, {}, app)
                    app.get_policy_options = lambda policy: options
                    controller = Controller()
                    controller.app = app
                    for i in range(20):
                        part = ring.get_part('AUTH_a', 'c', 'o%d' % i)
                        write = BaseObjectController.iter_nodes_local_first(controller, ring, part)
                        delete = BaseObjectController.iter_nodes_local_first(
                            controller, ring, part, local_handoffs_first=True)
                        print(','.join(str(n['id']) for n in write), ','.join(str(n['id']) for n in delete))
                """, args(file));

        assertThat(ours.toString().strip()).isEqualTo(swift);
    }

    private static String[] args(Path file) {
        List<String> args = new ArrayList<>(List.of(file.toString()));
        for (String[] setting : SETTINGS) {
            args.add(String.join("|", setting));
        }
        return args.toArray(String[]::new);
    }

    private static String ids(Iterator<Node> nodes) {
        List<String> ids = new ArrayList<>();
        nodes.forEachRemaining(node -> ids.add(Integer.toString(node.deviceId())));
        return String.join(",", ids);
    }
}
