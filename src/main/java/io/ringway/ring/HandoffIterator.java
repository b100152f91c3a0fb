package io.ringway.ring;

import io.ringway.swift.HashPath;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Swift 2.30's {@code Ring.get_more_nodes} generator as an iterator. Four passes walk the same
 * sequence of "handoff partitions" and look at every replica row of each: the first yields
 * devices in regions not yet used, the second in unused zones, the third on unused IPs, the last
 * any unused device. Each pass ends as soon as its tier is exhausted. The walk starts at a
 * partition derived from the MD5 of the partition number and steps by {@code parts / 65536}, so
 * that handoffs stay mostly stable across ring changes. Every quirk is kept, e.g. the second
 * half of the walk starts at {@code inc - (parts - start) % inc}, which skips partition 0 when
 * {@code inc} is 1 and {@code start} is not 0.
 */
final class HandoffIterator implements Iterator<Node> {

    private static final int REGIONS = 0;
    private static final int ZONES = 1;
    private static final int IPS = 2;
    private static final int DEVICES = 3;

    private final Ring ring;
    private final RingData data;
    private final int start;
    private final int inc;
    private final int firstCount;
    private final int secondStart;
    private final int walkLength;
    private final Set<Integer> used = new HashSet<>();
    private final Set<Integer> sameRegions = new HashSet<>();
    private final Set<Tiers.Zone> sameZones = new HashSet<>();
    private final Set<Tiers.Ip> sameIps = new HashSet<>();
    private int pass = REGIONS;
    private boolean passStarted;
    private boolean hitAll;
    private int step;
    private int replica;
    private int handoffIndex;
    private @Nullable Node next;

    HandoffIterator(Ring ring, int partition) {
        this.ring = ring;
        this.data = ring.data();
        for (Node primary : ring.primaryNodes(partition)) {
            Device device = primary.device();
            used.add(device.id());
            sameRegions.add(device.region());
            sameZones.add(Tiers.zone(device));
            sameIps.add(Tiers.ip(device));
        }
        int parts = data.rowLength(0);
        this.start = HashPath.partition(md5(Integer.toString(partition)), data.partPower());
        this.inc = Math.max(parts / 65536, 1);
        // chain(range(start, parts, inc), range(inc - ((parts - start) % inc), start, inc))
        this.firstCount = (parts - start + inc - 1) / inc;
        this.secondStart = inc - ((parts - start) % inc);
        int secondCount = secondStart < start ? (start - secondStart + inc - 1) / inc : 0;
        this.walkLength = firstCount + secondCount;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = advance();
        }
        return next != null;
    }

    @Override
    public Node next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more handoff nodes");
        }
        Node node = next;
        next = null;
        return node;
    }

    private @Nullable Node advance() {
        while (pass <= DEVICES) {
            if (!passStarted) {
                passStarted = true;
                hitAll = tierExhausted();
                step = 0;
                replica = 0;
            }
            while (!hitAll && step < walkLength) {
                int handoffPart = step < firstCount ? start + step * inc : secondStart + (step - firstCount) * inc;
                while (replica < data.replicaRows()) {
                    int[] row = data.row(replica++);
                    if (handoffPart < row.length) {
                        Node node = take(row[handoffPart]);
                        if (node != null) {
                            // Swift breaks out of the row loop here; the next walk step then ends the pass.
                            hitAll = tierExhausted();
                            return node;
                        }
                    }
                }
                replica = 0;
                step++;
            }
            pass++;
            passStarted = false;
        }
        return null;
    }

    private @Nullable Node take(int deviceId) {
        if (used.contains(deviceId)) {
            return null;
        }
        Device device = ring.device(deviceId);
        Tiers.Zone zone = Tiers.zone(device);
        Tiers.Ip ip = Tiers.ip(device);
        boolean fresh = switch (pass) {
            case REGIONS -> !sameRegions.contains(device.region());
            case ZONES -> !sameZones.contains(zone);
            case IPS -> !sameIps.contains(ip);
            default -> true;
        };
        if (!fresh) {
            return null;
        }
        used.add(deviceId);
        // Each pass records the tiers below its own, as Swift does; the device pass records none.
        if (pass == REGIONS) {
            sameRegions.add(device.region());
        }
        if (pass <= ZONES) {
            sameZones.add(zone);
        }
        if (pass <= IPS) {
            sameIps.add(ip);
        }
        return new Node(device, handoffIndex++, true);
    }

    private boolean tierExhausted() {
        return switch (pass) {
            case REGIONS -> sameRegions.size() == ring.regionCount();
            case ZONES -> sameZones.size() == ring.zoneCount();
            case IPS -> sameIps.size() == ring.ipCount();
            default -> used.size() == ring.assignedDeviceCount();
        };
    }

    private static byte[] md5(String text) {
        try {
            return MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required by the Java platform", e);
        }
    }
}
