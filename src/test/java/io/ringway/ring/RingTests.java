package io.ringway.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringway.swift.HashPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RingTests {

    private static final HashPath HASH = new HashPath("", "suffix");

    @Test
    void listsADeviceHoldingTwoReplicasOnceAsSwiftDoes() {
        Ring ring = new Ring(RingBuilder.build(devices(2), 4, 3, 1), HASH);

        List<Node> primaries = ring.primaryNodes(5);

        assertThat(primaries).extracting(Node::index).containsExactly(0, 1);
        assertThat(primaries).extracting(Node::deviceId).doesNotHaveDuplicates();
        assertThat(primaries).noneMatch(Node::handoff);
        assertThat(ring.handoffNodes(5)).isEmpty();
    }

    @Test
    void numbersHandoffsAndCoversEveryOtherAssignedDeviceOnce() {
        Ring ring = new Ring(RingBuilder.build(devices(9), 6, 3, 1), HASH);

        for (int part = 0; part < ring.partitionCount(); part++) {
            List<Node> handoffs = ring.handoffNodes(part).toList();
            Set<Integer> all = new HashSet<>();
            ring.primaryNodes(part).forEach(node -> all.add(node.deviceId()));
            handoffs.forEach(node -> all.add(node.deviceId()));

            assertThat(handoffs).extracting(Node::index).containsExactlyElementsOf(
                    IntStream.range(0, handoffs.size()).boxed().toList());
            assertThat(handoffs).allMatch(Node::handoff);
            assertThat(all).hasSize(9);
        }
    }

    @Test
    void computesHandoffsLazily() {
        Ring ring = new Ring(RingBuilder.build(devices(9), 6, 3, 1), HASH);

        assertThat(ring.handoffNodes(3).findFirst()).contains(ring.handoffNodes(3).toList().get(0));
    }

    @Test
    void treatsEmptyContainerAndObjectNamesAsAbsentLikeSwiftsHashPath() {
        Ring ring = new Ring(RingBuilder.build(devices(3), 10, 3, 1), HASH);

        assertThat(ring.partition("AUTH_a", "", "")).isEqualTo(ring.partition("AUTH_a", null, null));
        assertThat(ring.partition("AUTH_a", "c", "")).isEqualTo(ring.partition("AUTH_a", "c", null));
        assertThatThrownBy(() -> ring.partition("AUTH_a", "", "o"))
                .hasMessage("container is required if object is provided");
    }

    @Test
    void rejectsPartitionsOutsideTheRing() {
        Ring ring = new Ring(RingBuilder.build(devices(3), 4, 3, 1), HASH);

        assertThatThrownBy(() -> ring.primaryNodes(16)).hasMessage("partition: 16 (expected: 0..15)");
        assertThatThrownBy(() -> ring.handoffNodes(-1)).hasMessage("partition: -1 (expected: 0..15)");
    }

    private static List<Device> devices(int count) {
        List<Device> devices = new ArrayList<>();
        for (int id = 0; id < count; id++) {
            devices.add(Device.of(id, 1 + id % 2, id % 3, "10.0.0." + id / 2, 6200, "sd" + id, 1));
        }
        return devices;
    }
}
