package io.ringway.backend;

import static java.util.Objects.requireNonNull;

import io.ringway.ring.Device;
import io.ringway.ring.Node;
import java.util.List;
import java.util.Locale;
import java.util.function.IntUnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The node selection options a storage policy may override, as Swift 2.30's
 * {@code ProxyOverrideOptions}, parsed and checked: {@code sorting_method}, {@code read_affinity},
 * {@code write_affinity}, {@code write_affinity_node_count} and
 * {@code write_affinity_handoff_delete_count}. {@link NodeSelection} holds the proxy's defaults
 * and one of these per overridden policy.
 */
public final class PolicyOptions {

    private final String sortingMethod;
    private final ReadAffinity readAffinity;
    private final @Nullable WriteAffinity writeAffinity;
    private final String writeAffinityNodeCountValue;
    private final IntUnaryOperator writeAffinityNodeCount;
    private final @Nullable Integer writeAffinityHandoffDeleteCount;

    private PolicyOptions(String sortingMethod, ReadAffinity readAffinity, @Nullable WriteAffinity writeAffinity,
            String writeAffinityNodeCountValue, @Nullable Integer writeAffinityHandoffDeleteCount) {
        this.sortingMethod = sortingMethod;
        this.readAffinity = readAffinity;
        this.writeAffinity = writeAffinity;
        this.writeAffinityNodeCountValue = writeAffinityNodeCountValue;
        this.writeAffinityNodeCount = RequestNodeCount.parse("writeAffinityNodeCount", writeAffinityNodeCountValue);
        this.writeAffinityHandoffDeleteCount = writeAffinityHandoffDeleteCount;
    }

    /**
     * Parses Swift's option values; an invalid one is an {@link IllegalArgumentException} naming it.
     *
     * @param sortingMethod {@code shuffle}, {@code timing} or {@code affinity} (any case)
     * @param readAffinity such as {@code "r1z1=100, r1=200"}, or blank
     * @param writeAffinity such as {@code "r1, r2z2"}, or blank for none
     * @param writeAffinityNodeCount an integer or {@code "<n> * replicas"}
     * @param writeAffinityHandoffDeleteCount a non-negative integer or {@code auto}
     */
    public static PolicyOptions of(String sortingMethod, String readAffinity, String writeAffinity,
            String writeAffinityNodeCount, String writeAffinityHandoffDeleteCount) {
        String sorting = requireNonNull(sortingMethod, "sortingMethod").toLowerCase(Locale.ROOT);
        if (!sorting.equals("shuffle") && !sorting.equals("timing") && !sorting.equals("affinity")) {
            throw new IllegalArgumentException(
                    "sortingMethod: " + sortingMethod + " (expected: shuffle, timing or affinity)");
        }
        return new PolicyOptions(sorting, ReadAffinity.parse(readAffinity), WriteAffinity.parse(writeAffinity),
                requireNonNull(writeAffinityNodeCount, "writeAffinityNodeCount"),
                handoffDeleteCount(writeAffinityHandoffDeleteCount));
    }

    /** {@code sorting_method}, lower-cased. */
    public String sortingMethod() {
        return sortingMethod;
    }

    /** Whether {@code read_affinity} has rules (Swift warns when it has but the sorting is not by affinity). */
    public boolean hasReadAffinity() {
        return !readAffinity.toString().isBlank();
    }

    /** Whether {@code write_affinity} is set: object PUTs and DELETEs then prefer local nodes. */
    public boolean hasWriteAffinity() {
        return writeAffinity != null;
    }

    /** Whether the device is local by {@code write_affinity} (false when it is not set). */
    public boolean isLocal(Device device) {
        return writeAffinity != null && writeAffinity.isLocal(device);
    }

    /** {@code write_affinity_node_count} for a ring of {@code replicas} replicas. */
    public int writeAffinityNodeCount(int replicas) {
        return writeAffinityNodeCount.applyAsInt(replicas);
    }

    /**
     * How many local handoffs an object DELETE asks besides the primaries (Swift's {@code DELETE}):
     * none without write affinity, else {@code write_affinity_handoff_delete_count}, whose
     * {@code auto} is the number of primaries that are not local.
     */
    public int localHandoffsForDelete(List<Node> primaries) {
        if (writeAffinity == null) {
            return 0;
        }
        if (writeAffinityHandoffDeleteCount != null) {
            return writeAffinityHandoffDeleteCount;
        }
        int local = 0;
        for (Node node : primaries) {
            if (writeAffinity.isLocal(node.device())) {
                local++;
            }
        }
        return primaries.size() - local;
    }

    /** The device's {@code read_affinity} priority: lower sorts first. */
    long readPriority(Device device) {
        return readAffinity.priority(device);
    }

    @Override
    public String toString() {
        return "PolicyOptions[sortingMethod=" + sortingMethod + ", readAffinity=" + readAffinity + ", writeAffinity="
                + (writeAffinity == null ? "" : writeAffinity) + ", writeAffinityNodeCount="
                + writeAffinityNodeCountValue + ", writeAffinityHandoffDeleteCount="
                + (writeAffinityHandoffDeleteCount == null ? "auto" : writeAffinityHandoffDeleteCount) + "]";
    }

    /** Swift's {@code config_auto_int_value(value, None)}; a negative count is refused here, not at each request. */
    private static @Nullable Integer handoffDeleteCount(String value) {
        String trimmed = requireNonNull(value, "writeAffinityHandoffDeleteCount").strip();
        if (trimmed.equalsIgnoreCase("auto")) {
            return null;
        }
        if (!trimmed.matches("\\d{1,9}")) {
            throw new IllegalArgumentException(
                    "writeAffinityHandoffDeleteCount: " + value + " (expected: a non-negative integer or auto)");
        }
        return Integer.valueOf(trimmed);
    }
}
