package io.ringway.storage.node;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded storage node ({@code ringway.storage.*}). Whether it runs is {@code ringway.role}'s
 * business.
 *
 * @param bindIp address the node's servers listen on (Swift's {@code bind_ip})
 * @param servers which of the account, container and object servers this node runs
 * @param accountPort port of the account server (Swift's default 6202; 0 picks a free one)
 * @param containerPort port of the container server (6201)
 * @param objectPort port of the object server (6200)
 * @param devices the directory holding one subdirectory per device (Swift's {@code devices})
 * @param deviceNames the devices created under {@code devices} at start when missing
 * @param mountCheck require devices to be mount points (Swift's {@code mount_check})
 * @param updaterInterval time between passes of the object and container updaters, which
 *     deliver the updates that failed at write time (Swift's updater {@code interval})
 * @param reclaimInterval time between passes that remove old tombstones and deleted databases
 *     (Swift's replicator {@code interval})
 * @param reclaimAge how long tombstones are kept (Swift's {@code reclaim_age}, a week)
 * @param reconCachePath where the node's daemons write what their passes did, for recon (Swift's
 *     {@code recon_cache_path}; its files are Swift's {@code object.recon} and the others)
 */
@ConfigurationProperties("ringway.storage")
public record StorageNodeProperties(
        @DefaultValue("127.0.0.1") String bindIp,
        @DefaultValue({"account", "container", "object"}) Set<ServerType> servers,
        @DefaultValue("6202") int accountPort,
        @DefaultValue("6201") int containerPort,
        @DefaultValue("6200") int objectPort,
        @DefaultValue("./data/node") Path devices,
        @DefaultValue({"d1", "d2", "d3"}) List<String> deviceNames,
        @DefaultValue("false") boolean mountCheck,
        @DefaultValue("300s") Duration updaterInterval,
        @DefaultValue("30s") Duration reclaimInterval,
        @DefaultValue("7d") Duration reclaimAge,
        @DefaultValue("./data/recon") Path reconCachePath) {

    /** The configured port of a server type. */
    public int port(ServerType type) {
        return switch (type) {
            case ACCOUNT -> accountPort;
            case CONTAINER -> containerPort;
            case OBJECT -> objectPort;
        };
    }
}
