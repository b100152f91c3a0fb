package io.ringway.storage.container;

import java.time.Duration;
import java.util.Set;

/**
 * Options of Swift's {@code [app:container-server]} and {@code [container-updater]} sections and
 * the {@code [swift-constraints]} the container server applies, under Swift's names.
 *
 * @param nodeTimeout {@code node_timeout}: how long an account server may take to answer an update (3s)
 * @param connTimeout {@code conn_timeout}: how long connecting to an account server may take (0.5s)
 * @param containerListingLimit {@code container_listing_limit}: default and maximum listing {@code limit} (10000)
 * @param maxMetaCount {@code max_meta_count}: user metadata items a container may hold (90)
 * @param maxMetaOverallSize {@code max_meta_overall_size}: bytes of user metadata names and values (4096)
 * @param autoCreateAccountPrefix {@code auto_create_account_prefix}: accounts whose containers are created by
 *     the first object update (".")
 * @param updaterConcurrency {@code concurrency} of the container-updater: containers reported at once (4)
 * @param allowedSyncHosts {@code allowed_sync_hosts}: hosts {@code X-Container-Sync-To} may name (127.0.0.1)
 */
public record ContainerSettings(Duration nodeTimeout, Duration connTimeout, int containerListingLimit,
        int maxMetaCount, int maxMetaOverallSize, String autoCreateAccountPrefix, int updaterConcurrency,
        Set<String> allowedSyncHosts) {

    public ContainerSettings {
        allowedSyncHosts = Set.copyOf(allowedSyncHosts);
    }

    /** Swift's defaults. */
    public static ContainerSettings defaults() {
        return new ContainerSettings(Duration.ofSeconds(3), Duration.ofMillis(500), 10_000, 90, 4096, ".", 4,
                Set.of("127.0.0.1"));
    }
}
