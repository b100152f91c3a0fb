package io.ringway.ring;

import static java.util.Objects.requireNonNull;

import io.ringway.swift.HashPath;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * An immutable ring snapshot answering Swift's placement questions exactly as Swift 2.30's
 * {@code swift.common.ring.Ring} does: which partition a path hashes to, which devices are the
 * partition's primaries, and in which order handoff devices are tried. Safe to share between
 * threads; a reload produces a new snapshot (see {@link RingHolder}).
 */
public final class Ring {

    private final RingData data;
    private final HashPath hashPath;
    // Swift's _num_regions/_num_zones/_num_ips/_num_assigned_devs: only devices holding at least one
    // partition count, so the handoff passes stop as soon as no untouched tier is left.
    private final int regionCount;
    private final int zoneCount;
    private final int ipCount;
    private final int assignedDeviceCount;

    /**
     * @param data the ring's devices and table
     * @param hashPath swift.conf's hash prefix and suffix, needed to hash paths to partitions
     */
    public Ring(RingData data, HashPath hashPath) {
        this.data = requireNonNull(data, "data");
        this.hashPath = requireNonNull(hashPath, "hashPath");
        BitSet assigned = new BitSet(data.devices().size());
        for (int replica = 0; replica < data.replicaRows(); replica++) {
            for (int id : data.row(replica)) {
                assigned.set(id);
            }
        }
        Set<Integer> regions = new HashSet<>();
        Set<Tiers.Zone> zones = new HashSet<>();
        Set<Tiers.Ip> ips = new HashSet<>();
        for (int id = assigned.nextSetBit(0); id >= 0; id = assigned.nextSetBit(id + 1)) {
            Device device = requireNonNull(data.devices().get(id));
            regions.add(device.region());
            zones.add(Tiers.zone(device));
            ips.add(Tiers.ip(device));
        }
        this.regionCount = regions.size();
        this.zoneCount = zones.size();
        this.ipCount = ips.size();
        this.assignedDeviceCount = assigned.cardinality();
    }

    public RingData data() {
        return data;
    }

    public int partPower() {
        return data.partPower();
    }

    public int partitionCount() {
        return data.partitionCount();
    }

    /** Swift's {@code replica_count}: possibly fractional, e.g. 2.5. */
    public double replicaCount() {
        return data.replicaCount();
    }

    /** Devices by id, with null holes where devices were removed. */
    public List<@Nullable Device> devices() {
        return data.devices();
    }

    /**
     * Swift's {@code get_part}. Empty container or object names count as absent, as in Swift's
     * {@code hash_path} ({@link HashPath#digest} applies that rule).
     */
    public int partition(String account, @Nullable String container, @Nullable String object) {
        requireNonNull(account, "account");
        return HashPath.partition(hashPath.digest(account, container, object), data.partPower());
    }

    /**
     * Swift's {@code _get_part_nodes}: the device of each replica row that covers the partition,
     * in row order, a device holding several replicas listed once; {@link Node#index()} numbers
     * the result.
     */
    public List<Node> primaryNodes(int partition) {
        checkPartition(partition);
        List<Node> nodes = new ArrayList<>(data.replicaRows());
        Set<Integer> seen = new HashSet<>();
        for (int replica = 0; replica < data.replicaRows(); replica++) {
            int[] row = data.row(replica);
            if (partition < row.length && seen.add(row[partition])) {
                nodes.add(new Node(device(row[partition]), nodes.size(), false));
            }
        }
        return List.copyOf(nodes);
    }

    /**
     * Swift's {@code get_more_nodes}: the handoff devices of a partition, computed lazily in
     * Swift's order (unused regions first, then zones, then IPs, then any device), every
     * assigned device that is not a primary appearing once.
     */
    public Stream<Node> handoffNodes(int partition) {
        checkPartition(partition);
        var iterator = new HandoffIterator(this, partition);
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT),
                false);
    }

    @Override
    public String toString() {
        return "Ring[partPower=" + partPower() + ", replicas=" + replicaCount() + ", assignedDevices="
                + assignedDeviceCount + ", regions=" + regionCount + ", zones=" + zoneCount + "]";
    }

    Device device(int id) {
        return requireNonNull(data.devices().get(id));
    }

    int regionCount() {
        return regionCount;
    }

    int zoneCount() {
        return zoneCount;
    }

    int ipCount() {
        return ipCount;
    }

    int assignedDeviceCount() {
        return assignedDeviceCount;
    }

    private void checkPartition(int partition) {
        if (partition < 0 || partition >= data.partitionCount()) {
            throw new IllegalArgumentException(
                    "partition: " + partition + " (expected: 0.." + (data.partitionCount() - 1) + ")");
        }
    }
}
