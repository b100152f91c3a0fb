package io.ringway.config;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Ringway's cluster description comes from ({@code ringway.*}).
 *
 * @param role what this process runs: {@code all} (the gateway, and the embedded storage node
 *     unless {@code swiftDir} names an existing cluster), {@code gateway}, or {@code storage} (a
 *     storage node alone, one of several processes or pods)
 * @param swiftDir an existing cluster's {@code /etc/swift}: its {@code swift.conf} and ring files
 *     are read (and reloaded when they change), never written. Unset, Ringway runs its own
 *     single-node cluster, described under {@link Embedded#swiftDir()}.
 * @param ringReloadTime how often ring files (Swift's {@code reload_time}) and {@code swift.conf}'s storage
 *     policies are checked for changes
 * @param embedded the single-node cluster Ringway sets up when no {@code swiftDir} is given
 */
@ConfigurationProperties("ringway")
public record RingwayProperties(
        @DefaultValue("all") Role role,
        @Nullable Path swiftDir,
        @DefaultValue("15s") Duration ringReloadTime,
        @DefaultValue Embedded embedded) {

    /** The swift dir in use: the existing cluster's, or the embedded one's. */
    public Path effectiveSwiftDir() {
        return swiftDir != null ? swiftDir : embedded.swiftDir();
    }

    /** Whether this process runs a storage node. */
    public boolean runsStorageNode() {
        return role == Role.STORAGE || (role == Role.ALL && swiftDir == null);
    }

    /** Whether the swift dir is Ringway's own, set up on first start. */
    public boolean isEmbeddedCluster() {
        return swiftDir == null;
    }

    /** What a Ringway process runs. */
    public enum Role {
        ALL, GATEWAY, STORAGE
    }

    /**
     * The embedded cluster.
     *
     * @param swiftDir where its {@code swift.conf} (with a hash path prefix and suffix drawn at
     *     random on first start) and its rings are kept; keep it with the data
     * @param partPower part power of the rings built for the node's devices
     * @param replicas replica count of those rings (at most the number of devices)
     */
    public record Embedded(
            @DefaultValue("./data/etc") Path swiftDir,
            @DefaultValue("10") int partPower,
            @DefaultValue("3") int replicas) {
    }
}
