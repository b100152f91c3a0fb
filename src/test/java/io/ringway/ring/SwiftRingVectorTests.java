package io.ringway.ring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The acceptance test of ring placement: for every path Swift 2.30.1 recorded (see
 * {@code ring-vectors/generate.sh}), Ringway must pick the same partition, primaries in the same
 * order and handoffs in the same order, reading the very ring files swift-ring-builder wrote.
 */
class SwiftRingVectorTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "a-4zones.ring.gz, a-4zones.json",
        "b-2regions.ring.gz, b-2regions.json",
        "c-fractional-holes.ring.gz, c-fractional-holes.json",
        // The same ring as b, stored with 4-byte big-endian device ids, must place identically.
        "d-4byte-ids.ring.gz, b-2regions.json",
        // 2^17 partitions: the handoff walk steps by 2.
        "e-partpower17.ring.gz, e-partpower17.json",
    })
    void placesEveryPathExactlyAsSwift(String ringFile, String vectorFile) throws Exception {
        RingVectors vectors = RingVectors.load(vectorFile);
        Ring ring = new Ring(RingFileReader.read(RingVectors.resource(ringFile)), vectors.hashPath());
        assertThat(ring.partPower()).isEqualTo(vectors.partPower());
        assertThat(ring.replicaCount()).isEqualTo(vectors.replicaCount());
        assertThat(vectors.paths()).hasSizeGreaterThanOrEqualTo(300);

        SoftAssertions softly = new SoftAssertions();
        for (RingVectors.PathVector path : vectors.paths()) {
            String name = path.account() + "/" + path.container() + "/" + path.object();
            int partition = ring.partition(path.account(), path.container(), path.object());
            softly.assertThat(partition).as("partition of %s", name).isEqualTo(path.partition());
            softly.assertThat(ids(ring.primaryNodes(path.partition()))).as("primaries of %s", name)
                    .isEqualTo(path.primaries());
            softly.assertThat(ids(ring.handoffNodes(path.partition()).toList())).as("handoffs of %s", name)
                    .isEqualTo(path.handoffs());
        }
        softly.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"a-4zones.json", "b-2regions.json", "c-fractional-holes.json", "e-partpower17.json"})
    void hashesEveryPathAsSwift(String vectorFile) throws Exception {
        RingVectors vectors = RingVectors.load(vectorFile);
        SoftAssertions softly = new SoftAssertions();
        for (RingVectors.PathVector path : vectors.paths()) {
            softly.assertThat(vectors.hashPath().hex(path.account(), path.container(), path.object()))
                    .as("hash_path of %s/%s/%s", path.account(), path.container(), path.object())
                    .isEqualTo(path.hash());
        }
        softly.assertAll();
    }

    private static List<Integer> ids(List<Node> nodes) {
        return nodes.stream().map(Node::deviceId).toList();
    }
}
