package io.ringway.ring;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * Builds a ring in memory for the embedded mode: partitions spread over devices in proportion to
 * their weights, the replicas of a partition dispersed over failure domains as Swift prefers
 * (distinct regions, then zones, then IPs, then devices) as far as the weights allow.
 *
 * <p>How: each tier (region, zone, IP) may hold at most {@code ceil(replicas * tierWeight / totalWeight)}
 * replicas of one partition, the most it can take without being overloaded; with weights alike
 * this means one replica per zone when there are at least as many zones as replicas. Partitions
 * are visited in a seeded random order, and each replica goes to the device furthest below its
 * weight share among those that keep every tier within its limit (limits are relaxed from IPs
 * up to devices only when nothing else is left). The result is deterministic for equal inputs,
 * so a persisted ring can be rebuilt identically. It does not equal swift-ring-builder's output,
 * and does not minimise movement against a previous ring.
 */
public final class RingBuilder {

    /** Seed used when callers do not care, fixed so rebuilt rings are identical. */
    public static final long DEFAULT_SEED = 0x52494E47L;

    /**
     * @param devices the devices, ids unique (gaps allowed, e.g. for removed devices); devices of
     *     weight 0 are listed in the ring but get no partitions
     * @param partPower log2 of the partition count, 0..24
     * @param replicas replica count, at least 1, possibly fractional (e.g. 2.5)
     * @param seed seed of the partition visiting order
     */
    public static RingData build(List<Device> devices, int partPower, double replicas, long seed) {
        requireNonNull(devices, "devices");
        if (partPower < 0 || partPower > 24) {
            throw new IllegalArgumentException("partPower: " + partPower + " (expected: 0..24)");
        }
        if (!(replicas >= 1) || replicas > 64) {
            throw new IllegalArgumentException("replicas: " + replicas + " (expected: 1..64)");
        }
        List<@Nullable Device> byId = byId(devices);
        Device[] active = devices.stream().filter(d -> d.weight() > 0).toArray(Device[]::new);
        if (active.length == 0) {
            throw new IllegalArgumentException("devices: none with weight > 0 (expected: at least one)");
        }
        int parts = 1 << partPower;
        int rows = (int) Math.ceil(replicas);
        int lastRow = rows == replicas ? parts : Math.max(1, (int) Math.round((replicas - (rows - 1)) * parts));
        int[][] table = new int[rows][];
        for (int replica = 0; replica < rows; replica++) {
            table[replica] = new int[replica == rows - 1 ? lastRow : parts];
        }
        new Placement(active, (long) (rows - 1) * parts + lastRow).fill(table, parts, new Random(seed));
        return new RingData(partPower, byId, table, null, null);
    }

    private RingBuilder() {
    }

    private static List<@Nullable Device> byId(List<Device> devices) {
        int maxId = -1;
        for (Device device : devices) {
            maxId = Math.max(maxId, requireNonNull(device, "device").id());
        }
        List<@Nullable Device> byId = new ArrayList<>(Collections.nCopies(maxId + 1, (Device) null));
        for (Device device : devices) {
            if (byId.get(device.id()) != null) {
                throw new IllegalArgumentException("devices: id " + device.id() + " twice (expected: unique ids)");
            }
            byId.set(device.id(), device);
        }
        return byId;
    }

    /** The mutable state of one build: tiers as small integer indexes, counts per tier. */
    private static final class Placement {

        private static final int TIERS = 3;

        private final Device[] devices;
        private final double totalWeight;
        private final double[] wanted;
        private final int[] assigned;
        // tierOf[t][d]: index of device d's region (t=0), zone (t=1) or IP (t=2)
        private final int[][] tierOf = new int[TIERS][];
        private final double[][] tierWeight = new double[TIERS][];
        private final int[][] inPartition = new int[TIERS][];

        Placement(Device[] devices, long slots) {
            this.devices = devices;
            this.totalWeight = Arrays.stream(devices).mapToDouble(Device::weight).sum();
            this.wanted = new double[devices.length];
            this.assigned = new int[devices.length];
            List<Map<Object, Integer>> keys = List.of(new HashMap<>(), new HashMap<>(), new HashMap<>());
            for (int t = 0; t < TIERS; t++) {
                tierOf[t] = new int[devices.length];
            }
            for (int d = 0; d < devices.length; d++) {
                Device device = devices[d];
                wanted[d] = slots * device.weight() / totalWeight;
                Object[] tierKeys = {device.region(), Tiers.zone(device), Tiers.ip(device)};
                for (int t = 0; t < TIERS; t++) {
                    Map<Object, Integer> index = keys.get(t);
                    tierOf[t][d] = index.computeIfAbsent(tierKeys[t], k -> index.size());
                }
            }
            for (int t = 0; t < TIERS; t++) {
                tierWeight[t] = new double[keys.get(t).size()];
                inPartition[t] = new int[keys.get(t).size()];
                for (int d = 0; d < devices.length; d++) {
                    tierWeight[t][tierOf[t][d]] += devices[d].weight();
                }
            }
        }

        void fill(int[][] table, int parts, Random random) {
            int[] order = new int[parts];
            for (int p = 0; p < parts; p++) {
                order[p] = p;
            }
            for (int i = parts - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            boolean[] usedInPartition = new boolean[devices.length];
            int[] chosen = new int[table.length];
            for (int partition : order) {
                int replicasHere = 0;
                for (int[] row : table) {
                    if (partition < row.length) {
                        replicasHere++;
                    }
                }
                for (int r = 0; r < replicasHere; r++) {
                    int d = choose(usedInPartition, replicasHere);
                    chosen[r] = d;
                    usedInPartition[d] = true;
                    assigned[d]++;
                    for (int t = 0; t < TIERS; t++) {
                        inPartition[t][tierOf[t][d]]++;
                    }
                    table[r][partition] = devices[d].id();
                }
                for (int r = 0; r < replicasHere; r++) {
                    int d = chosen[r];
                    usedInPartition[d] = false;
                    for (int t = 0; t < TIERS; t++) {
                        inPartition[t][tierOf[t][d]] = 0;
                    }
                }
            }
        }

        /** The device furthest below its share among those breaking the fewest/lowest dispersion limits. */
        private int choose(boolean[] usedInPartition, int replicasHere) {
            int best = -1;
            int bestLevel = Integer.MAX_VALUE;
            double bestNeed = 0;
            for (int d = 0; d < devices.length; d++) {
                int level = violation(d, usedInPartition, replicasHere);
                double need = (wanted[d] - assigned[d]) / wanted[d];
                if (level < bestLevel || (level == bestLevel && need > bestNeed)) {
                    best = d;
                    bestLevel = level;
                    bestNeed = need;
                }
            }
            return best;
        }

        /** 0 if the device may take the replica; else the highest limit it breaks: 1 IP, 2 zone, 3 region, 4 device. */
        private int violation(int d, boolean[] usedInPartition, int replicasHere) {
            if (usedInPartition[d]) {
                return TIERS + 1;
            }
            for (int t = 0; t < TIERS; t++) {
                int tier = tierOf[t][d];
                int limit = (int) Math.ceil(replicasHere * tierWeight[t][tier] / totalWeight - 1e-9);
                if (inPartition[t][tier] >= Math.max(limit, 1)) {
                    return TIERS - t;
                }
            }
            return 0;
        }
    }
}
