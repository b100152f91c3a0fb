package io.ringway.ring;

import static java.util.Objects.requireNonNull;

/**
 * A device chosen for a partition, with its position in the answer: for a primary, Swift's
 * {@code index} (its position among the partition's primaries, duplicates removed); for a
 * handoff, Swift's {@code handoff_index} (its position in the handoff order).
 *
 * @param device the device
 * @param index primary index, or handoff index when {@code handoff} is true
 * @param handoff whether the node came from {@link Ring#handoffNodes(int)}
 */
public record Node(Device device, int index, boolean handoff) {

    public Node {
        requireNonNull(device, "device");
        if (index < 0) {
            throw new IllegalArgumentException("index: " + index + " (expected: >= 0)");
        }
    }

    /** Shorthand for {@code device().id()}. */
    public int deviceId() {
        return device.id();
    }
}
