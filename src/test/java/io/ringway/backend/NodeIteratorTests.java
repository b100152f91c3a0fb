package io.ringway.backend;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.ring.Device;
import io.ringway.ring.Node;
import io.ringway.ring.Ring;
import io.ringway.ring.RingBuilder;
import io.ringway.testing.storage.TestNode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NodeIteratorTests {

    private final Ring ring = ring();
    private final BackendSettings settings = BackendSettings.defaults();
    private final NodeHealth health = new NodeHealth(settings, Clock.systemUTC());
    private final NodeTimings timings = new NodeTimings(settings, Clock.systemUTC());

    private static Ring ring() {
        List<Device> devices = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            devices.add(Device.of(i, 1 + i / 4, 1 + i % 4, "10.0." + i + ".1", 6200, "sda", 100));
        }
        return new Ring(RingBuilder.build(devices, 6, 3, RingBuilder.DEFAULT_SEED), TestNode.HASH_PATH);
    }

    private static PolicyOptions options(BackendSettings settings) {
        return settings.nodeSelection().options(null);
    }

    private static List<Node> drain(NodeIterator nodes) {
        List<Node> all = new ArrayList<>();
        nodes.forEachRemaining(all::add);
        return all;
    }

    @Test
    void givesPrimariesThenHandoffsUpToTwiceTheReplicas() {
        List<Node> nodes = drain(NodeIterator.of(ring, 5, settings.nodeSelection().options(null),
                settings.nodeSelection().requestNodeCount(), health, timings, new Random(1)));

        assertThat(nodes).hasSize(6);
        assertThat(nodes.subList(0, 3)).containsExactlyInAnyOrderElementsOf(ring.primaryNodes(5));
        assertThat(nodes.subList(3, 6)).containsExactlyElementsOf(ring.handoffNodes(5).limit(3).toList());
    }

    @Test
    void skipsErrorLimitedNodes() {
        Node primary = ring.primaryNodes(5).get(0);
        health.limit(primary.device(), "507");

        List<Node> nodes = drain(NodeIterator.of(ring, 5, settings.nodeSelection().options(null),
                settings.nodeSelection().requestNodeCount(), health, timings, new Random(1)));

        assertThat(nodes).hasSize(6).doesNotContain(primary);
    }

    @Test
    void givesAnExtraNodeForOneLimitedAfterItWasTried() {
        NodeIterator nodes = NodeIterator.of(ring, 5, settings.nodeSelection().options(null),
                settings.nodeSelection().requestNodeCount(), health, timings, new Random(1));
        Node first = nodes.next();
        health.limit(first.device(), "507");

        assertThat(drain(nodes)).hasSize(6);
    }

    @Test
    void sortsPrimariesByReadAffinity() {
        List<Node> primaries = ring.primaryNodes(5);
        Device last = primaries.get(0).device();
        // Rules sort by priority, not by their place in the value: Swift's affinity_key_function.
        String affinity = "r1=200, r2=200, r" + last.region() + "z" + last.zone() + "=100";

        List<Node> sorted = NodeIterator.sort(primaries, options(settings.withReadAffinity(affinity)), timings,
                new Random(1));

        assertThat(sorted.get(0)).isEqualTo(primaries.get(0));
    }

    @Test
    void sortsPrimariesByTimingWithUnmeasuredFirst() {
        PolicyOptions timing = PolicyOptions.of("timing", "", "", "2 * replicas", "auto");
        List<Node> primaries = ring.primaryNodes(5);
        timings.record(primaries.get(0).device().ip(), Duration.ofMillis(30));
        timings.record(primaries.get(1).device().ip(), Duration.ofMillis(10));

        List<Node> sorted = NodeIterator.sort(primaries, timing, timings, new Random(1));

        assertThat(sorted).containsExactly(primaries.get(2), primaries.get(1), primaries.get(0));
    }

    @Test
    void timingsWithinAMillisecondTieAsSwiftRoundsThem() {
        timings.record("10.9.0.1", Duration.ofNanos(10_200_000));
        timings.record("10.9.0.2", Duration.ofNanos(10_400_000));
        timings.record("10.9.0.3", Duration.ofNanos(10_600_000));

        assertThat(timings.key("10.9.0.1")).isEqualTo(timings.key("10.9.0.2")).isEqualTo(0.010);
        assertThat(timings.key("10.9.0.3")).isEqualTo(0.011);
    }

    @Test
    void parsesRequestNodeCount() {
        assertThat(settings.requestNodeCount(3)).isEqualTo(6);
        assertThat(RequestNodeCount.parse("5").applyAsInt(3)).isEqualTo(5);
        assertThat(RequestNodeCount.parse("3 * replicas").applyAsInt(2)).isEqualTo(6);
    }
}
