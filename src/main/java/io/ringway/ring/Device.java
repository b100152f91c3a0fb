package io.ringway.ring;

import static java.util.Objects.requireNonNull;

/**
 * One device of a ring, as in the {@code devs} list of a Swift ring file.
 *
 * @param id position in the ring's device list; ids of removed devices stay unused
 * @param region region number (Swift defaults a missing region to 1)
 * @param zone zone number within the region
 * @param ip address of the storage server that serves clients
 * @param port port of the storage server
 * @param replicationIp address used by replication (Swift defaults it to {@code ip})
 * @param replicationPort port used by replication (Swift defaults it to {@code port})
 * @param device the device's directory name on the storage server, e.g. {@code sdb1}
 * @param weight relative share of partitions the builder gives the device
 * @param meta free-form operator notes
 */
public record Device(
        int id,
        int region,
        int zone,
        String ip,
        int port,
        String replicationIp,
        int replicationPort,
        String device,
        double weight,
        String meta) {

    /** A device whose replication address is its client address and whose meta is empty. */
    public static Device of(int id, int region, int zone, String ip, int port, String device, double weight) {
        return new Device(id, region, zone, ip, port, ip, port, device, weight, "");
    }

    public Device {
        if (id < 0) {
            throw new IllegalArgumentException("id: " + id + " (expected: >= 0)");
        }
        requireNonNull(ip, "ip");
        requireNonNull(replicationIp, "replicationIp");
        requireNonNull(device, "device");
        requireNonNull(meta, "meta");
        if (!(weight >= 0)) {
            throw new IllegalArgumentException("weight: " + weight + " (expected: >= 0)");
        }
    }

    /** This device with another id, for builders that number devices themselves. */
    public Device withId(int newId) {
        return new Device(newId, region, zone, ip, port, replicationIp, replicationPort, device, weight, meta);
    }
}
