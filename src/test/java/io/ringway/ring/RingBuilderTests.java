package io.ringway.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringway.swift.HashPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RingBuilderTests {

    private static final HashPath HASH = new HashPath("", "suffix");

    @Test
    void givesEachDeviceItsWeightShareWithinTwoPercent() {
        List<Device> devices = new ArrayList<>();
        int id = 0;
        for (int zone = 1; zone <= 3; zone++) {
            for (int disk = 1; disk <= 3; disk++) {
                devices.add(Device.of(id++, 1, zone, "10.0." + zone + ".1", 6200, "sd" + disk, 100 + 50 * disk));
            }
        }

        RingData data = RingBuilder.build(devices, 12, 3, RingBuilder.DEFAULT_SEED);

        assertBalanced(data, devices, 0.02);
    }

    @Test
    void balancesUnequalRegionsByWeightBeforeDispersion() {
        List<Device> devices = new ArrayList<>();
        int id = 0;
        for (int region = 1; region <= 2; region++) {
            for (int zone = 1; zone <= 3; zone++) {
                for (int ip = 1; ip <= 2; ip++) {
                    double weight = region == 1 ? 100 : 40 + 10 * zone;
                    devices.add(Device.of(id++, region, zone, "10." + region + "." + zone + "." + ip, 6200, "sda", weight));
                }
            }
        }

        RingData data = RingBuilder.build(devices, 12, 3, RingBuilder.DEFAULT_SEED);

        assertBalanced(data, devices, 0.03);
    }

    @Test
    void putsReplicasInDistinctZonesWhenThereAreEnoughZones() {
        List<Device> devices = new ArrayList<>();
        for (int zone = 1; zone <= 4; zone++) {
            devices.add(Device.of(2 * zone, 1, zone, "10.0.0." + zone, 6200, "sda", 100));
            devices.add(Device.of(2 * zone + 1, 1, zone, "10.0.0." + zone, 6200, "sdb", 100));
        }
        Ring ring = new Ring(RingBuilder.build(devices, 10, 3, 1), HASH);

        for (int part = 0; part < ring.partitionCount(); part++) {
            Set<Integer> zones = new HashSet<>();
            ring.primaryNodes(part).forEach(node -> zones.add(node.device().zone()));
            assertThat(zones).as("zones of partition %s", part).hasSize(3);
        }
    }

    @Test
    void spreadsReplicasOverBothRegionsAndThreeZones() {
        List<Device> devices = new ArrayList<>();
        int id = 0;
        for (int region = 1; region <= 2; region++) {
            for (int zone = 1; zone <= 3; zone++) {
                devices.add(Device.of(id++, region, zone, "10." + region + "." + zone + ".1", 6200, "sda", 100));
            }
        }
        Ring ring = new Ring(RingBuilder.build(devices, 10, 3, 1), HASH);

        for (int part = 0; part < ring.partitionCount(); part++) {
            Set<Integer> regions = new HashSet<>();
            Set<String> zones = new HashSet<>();
            for (Node node : ring.primaryNodes(part)) {
                regions.add(node.device().region());
                zones.add(node.device().region() + "/" + node.device().zone());
            }
            assertThat(regions).as("regions of partition %s", part).hasSize(2);
            assertThat(zones).as("zones of partition %s", part).hasSize(3);
        }
    }

    @Test
    void fillsAFractionalLastReplicaAndSkipsWeightlessDevices() {
        List<Device> devices = List.of(
                Device.of(0, 1, 1, "10.0.0.1", 6200, "sda", 1),
                Device.of(1, 1, 2, "10.0.0.2", 6200, "sda", 1),
                Device.of(3, 1, 3, "10.0.0.3", 6200, "sda", 1),
                Device.of(4, 1, 4, "10.0.0.4", 6200, "sda", 0));

        RingData data = RingBuilder.build(devices, 8, 2.5, 1);

        assertThat(data.replicaCount()).isEqualTo(2.5);
        assertThat(data.devices().get(2)).isNull();
        assertThat(partsPerDevice(data)).doesNotContainKey(4);
    }

    @Test
    void buildsTheSameRingForTheSameInputs() {
        List<Device> devices = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            devices.add(Device.of(i, 1, i % 3, "10.0.0." + i, 6200, "sda", 10 + i));
        }

        RingData first = RingBuilder.build(devices, 9, 3, 42);
        RingData second = RingBuilder.build(List.copyOf(devices), 9, 3, 42);

        RingFileTests.assertSameRing(second, first);
    }

    @Test
    void rejectsDuplicateIdsAndWeightlessRings() {
        Device a = Device.of(0, 1, 1, "10.0.0.1", 6200, "sda", 1);
        assertThatThrownBy(() -> RingBuilder.build(List.of(a, a), 4, 1, 1))
                .hasMessage("devices: id 0 twice (expected: unique ids)");
        assertThatThrownBy(() -> RingBuilder.build(List.of(Device.of(0, 1, 1, "10.0.0.1", 6200, "sda", 0)), 4, 1, 1))
                .hasMessage("devices: none with weight > 0 (expected: at least one)");
        assertThatThrownBy(() -> RingBuilder.build(List.of(a), 25, 1, 1))
                .hasMessage("partPower: 25 (expected: 0..24)");
    }

    private static void assertBalanced(RingData data, List<Device> devices, double tolerance) {
        double totalWeight = devices.stream().mapToDouble(Device::weight).sum();
        long slots = 0;
        for (int r = 0; r < data.replicaRows(); r++) {
            slots += data.rowLength(r);
        }
        var counts = partsPerDevice(data);
        for (Device device : devices) {
            double share = slots * device.weight() / totalWeight;
            assertThat((double) counts.getOrDefault(device.id(), 0))
                    .as("partitions of device %s (share %.1f)", device.id(), share)
                    .isBetween(share * (1 - tolerance), share * (1 + tolerance));
        }
    }

    private static Map<Integer, Integer> partsPerDevice(RingData data) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int r = 0; r < data.replicaRows(); r++) {
            for (int id : data.row(r)) {
                counts.merge(id, 1, Integer::sum);
            }
        }
        return counts;
    }
}
