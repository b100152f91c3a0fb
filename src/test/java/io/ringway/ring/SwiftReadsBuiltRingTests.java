package io.ringway.ring;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.swift.HashPath;
import io.ringway.testing.PythonSwift;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded mode persists rings it builds; Swift's own {@code Ring} must load such a file
 * and place paths exactly as Ringway does. Skipped without Debian's swift module.
 */
class SwiftReadsBuiltRingTests {

    @Test
    void swiftPlacesPathsOnABuiltRingAsRingwayDoes(@TempDir Path dir) throws Exception {
        String python = PythonSwift.interpreter().orElse(null);
        Assumptions.assumeTrue(python != null, "no python3 with Debian's swift module");
        List<Device> devices = new ArrayList<>();
        int id = 0;
        for (int region = 1; region <= 2; region++) {
            for (int zone = 1; zone <= 2; zone++) {
                for (int disk = 0; disk < 3; disk++) {
                    devices.add(Device.of(id++, region, zone, "10." + region + "." + zone + ".1", 6200 + disk,
                            "sd" + disk, 50 + 25 * disk));
                }
            }
        }
        Path file = dir.resolve("object.ring.gz");
        RingFileWriter.write(RingBuilder.build(devices, 8, 2.5, 3), file);
        Ring ring = new Ring(RingFileReader.read(file), new HashPath("pre", "suf"));

        StringBuilder ours = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            int part = ring.partition("AUTH_a", "c", "o" + i);
            ours.append(part).append(' ')
                    .append(ring.primaryNodes(part).stream().map(n -> "" + n.deviceId()).collect(Collectors.joining(",")))
                    .append(' ')
                    .append(ring.handoffNodes(part).map(n -> "" + n.deviceId()).collect(Collectors.joining(",")))
                    .append('\n');
        }
        String swift = PythonSwift.run(python, """
                import sys
                from swift.common import utils
                from swift.common.ring import Ring
                utils.HASH_PATH_PREFIX, utils.HASH_PATH_SUFFIX = b'pre', b'suf'
                ring = Ring(sys.argv[1])
                for i in range(50):
                    part, nodes = ring.get_nodes('AUTH_a', 'c', 'o%d' % i)
                    print(part, ','.join(str(n['id']) for n in nodes),
                          ','.join(str(n['id']) for n in ring.get_more_nodes(part)))
                """, file.toString());

        assertThat(swift).isEqualTo(ours.toString().strip());
    }
}
