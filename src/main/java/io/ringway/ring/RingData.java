package io.ringway.ring;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The content of a ring file (Swift's {@code RingData}): devices by id with holes, and the
 * replica-to-partition-to-device table. The last table row may be shorter than the others when
 * the replica count is fractional. Validated on construction, never changed afterwards: the
 * table is copied in and only read through {@link #deviceId(int, int)}.
 */
public final class RingData {

    /** Largest part power whose table rows, read as bytes with 4-byte ids, still fit a Java array. */
    static final int MAX_PART_POWER = 28;

    private final int partPower;
    private final List<@Nullable Device> devices;
    private final int[][] replica2part2dev;
    private final @Nullable Integer version;
    private final @Nullable Integer nextPartPower;

    /**
     * @param partPower log2 of the partition count, 0..28
     * @param devices devices by id: {@code devices.get(i)} is null or has id {@code i}
     * @param replica2part2dev one row per (possibly partial) replica, each of length
     *     {@code 2^partPower} except the last, which may be shorter but not empty
     * @param version the builder's version counter, if the file had one
     * @param nextPartPower set while a part power increase is in progress
     */
    public RingData(
            int partPower,
            List<@Nullable Device> devices,
            int[][] replica2part2dev,
            @Nullable Integer version,
            @Nullable Integer nextPartPower) {
        requireNonNull(devices, "devices");
        requireNonNull(replica2part2dev, "replica2part2dev");
        if (partPower < 0 || partPower > MAX_PART_POWER) {
            throw new IllegalArgumentException("partPower: " + partPower + " (expected: 0.." + MAX_PART_POWER + ")");
        }
        this.partPower = partPower;
        this.devices = Collections.unmodifiableList(new ArrayList<>(devices));
        for (int id = 0; id < devices.size(); id++) {
            Device device = devices.get(id);
            if (device != null && device.id() != id) {
                throw new IllegalArgumentException("devs[" + id + "]: id " + device.id() + " (expected: " + id + ")");
            }
        }
        this.replica2part2dev = copyAndCheck(replica2part2dev, 1 << partPower, this.devices);
        this.version = version;
        this.nextPartPower = nextPartPower;
    }

    public int partPower() {
        return partPower;
    }

    public int partitionCount() {
        return 1 << partPower;
    }

    /** Devices by id; removed devices leave null holes. */
    public List<@Nullable Device> devices() {
        return devices;
    }

    /** Number of table rows, counting a partial last replica as one (Swift's header {@code replica_count}). */
    public int replicaRows() {
        return replica2part2dev.length;
    }

    /** Partitions the row covers: the partition count, or fewer for a partial last replica. */
    public int rowLength(int replica) {
        return replica2part2dev[replica].length;
    }

    /** The device id of {@code replica} of {@code partition}. */
    public int deviceId(int replica, int partition) {
        return replica2part2dev[replica][partition];
    }

    /** Swift's {@code calc_replica_count}: full rows plus the fraction the last row covers. */
    public double replicaCount() {
        int rows = replica2part2dev.length;
        return rows - 1 + (double) replica2part2dev[rows - 1].length / replica2part2dev[0].length;
    }

    public @Nullable Integer version() {
        return version;
    }

    public @Nullable Integer nextPartPower() {
        return nextPartPower;
    }

    /** The table row itself, for this package's hot paths and the writer; callers never modify it. */
    int[] row(int replica) {
        return replica2part2dev[replica];
    }

    @Override
    public String toString() {
        long present = devices.stream().filter(d -> d != null).count();
        return "RingData[partPower=" + partPower + ", replicas=" + replicaCount() + ", devices=" + present + "]";
    }

    private static int[][] copyAndCheck(int[][] table, int partitions, List<@Nullable Device> devices) {
        if (table.length == 0) {
            throw new IllegalArgumentException("replica2part2dev: no rows (expected: at least 1)");
        }
        int[][] copy = new int[table.length][];
        for (int replica = 0; replica < table.length; replica++) {
            int[] row = requireNonNull(table[replica], "replica2part2dev row");
            boolean last = replica == table.length - 1;
            if (row.length != partitions && !(last && row.length > 0 && row.length < partitions)) {
                throw new IllegalArgumentException("replica2part2dev[" + replica + "]: length " + row.length
                        + " (expected: " + partitions + (last ? ", or 1.." + partitions + " for the last row" : "")
                        + ")");
            }
            for (int part = 0; part < row.length; part++) {
                int id = row[part];
                if (id < 0 || id >= devices.size() || devices.get(id) == null) {
                    throw new IllegalArgumentException("replica2part2dev[" + replica + "][" + part + "]: device id "
                            + id + " (expected: a device in devs)");
                }
            }
            copy[replica] = row.clone();
        }
        return copy;
    }
}
