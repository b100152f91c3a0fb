package io.ringway.ring;

import static java.util.Objects.requireNonNull;

import io.ringway.policy.ReplicationPolicy;
import io.ringway.policy.StoragePolicies;
import io.ringway.policy.StoragePolicy;
import io.ringway.policy.SwiftConf;
import io.ringway.swift.HashPath;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The rings of a Swift cluster, from its swift directory: {@code account.ring.gz},
 * {@code container.ring.gz}, and per replication policy {@code object.ring.gz} (policy 0) or
 * {@code object-N.ring.gz} (policy N), all loaded at startup as Swift's proxy does, and the ring
 * of a policy added to {@code swift.conf} later ({@link #loadObjectRings}). Federated policies
 * have no local ring. Call {@link #reloadIfChanged()} every
 * {@link RingHolder#DEFAULT_RELOAD_TIME} from a scheduler that may block.
 */
public final class Rings {

    /** Loads every ring named by swift.conf's policies, hashing with its {@code [swift-hash]}. */
    public static Rings load(Path swiftDir, SwiftConf conf) throws IOException {
        requireNonNull(conf, "conf");
        return load(swiftDir, conf.policies(), conf.hashPath());
    }

    /**
     * Loads the account, container and object rings; blocking, and failing if any ring file is
     * missing or broken, as Swift's proxy fails to start.
     */
    public static Rings load(Path swiftDir, StoragePolicies policies, HashPath hashPath) throws IOException {
        requireNonNull(swiftDir, "swiftDir");
        requireNonNull(policies, "policies");
        requireNonNull(hashPath, "hashPath");
        Rings rings = new Rings(swiftDir, hashPath,
                RingHolder.load(file(swiftDir, "account"), hashPath),
                RingHolder.load(file(swiftDir, "container"), hashPath));
        rings.loadObjectRings(policies);
        return rings;
    }

    /** The ring file of a ring name: {@code <swiftDir>/<name>.ring.gz}. */
    public static Path file(Path swiftDir, String ringName) {
        return swiftDir.resolve(ringName + ".ring.gz");
    }

    private final Path swiftDir;
    private final HashPath hashPath;
    private final RingHolder account;
    private final RingHolder container;
    // sorted by policy index; grows when swift.conf gains a policy
    private final Map<Integer, RingHolder> objects = new ConcurrentSkipListMap<>();

    private Rings(Path swiftDir, HashPath hashPath, RingHolder account, RingHolder container) {
        this.swiftDir = swiftDir;
        this.hashPath = hashPath;
        this.account = account;
        this.container = container;
    }

    /**
     * Loads the object ring of every replication policy that has none yet (a policy new in
     * {@code swift.conf}); blocking. All or nothing: a missing or broken ring file fails before any
     * ring is added, so the policies must not be taken either.
     *
     * @return how many rings were added
     */
    public synchronized int loadObjectRings(StoragePolicies policies) throws IOException {
        Map<Integer, RingHolder> loaded = new TreeMap<>();
        for (StoragePolicy policy : policies.all()) {
            if (policy instanceof ReplicationPolicy replication && !objects.containsKey(policy.index())) {
                loaded.put(policy.index(), RingHolder.load(file(swiftDir, replication.objectRingName()), hashPath));
            }
        }
        objects.putAll(loaded);
        return loaded.size();
    }

    public Ring account() {
        return account.ring();
    }

    public Ring container() {
        return container.ring();
    }

    /** The object ring of a replication policy. */
    public Ring object(int policyIndex) {
        RingHolder holder = objects.get(policyIndex);
        if (holder == null) {
            throw new IllegalArgumentException("policy index " + policyIndex
                    + " has no object ring (expected: a replication policy index: " + objects.keySet() + ")");
        }
        return holder.ring();
    }

    /** Every holder: account, container, then object rings by policy index. */
    public List<RingHolder> holders() {
        List<RingHolder> holders = new ArrayList<>();
        holders.add(account);
        holders.add(container);
        holders.addAll(objects.values());
        return List.copyOf(holders);
    }

    /**
     * Reloads every ring whose file changed; blocking.
     *
     * @return how many rings were replaced
     */
    public int reloadIfChanged() {
        int reloaded = 0;
        for (RingHolder holder : holders()) {
            if (holder.reloadIfChanged()) {
                reloaded++;
            }
        }
        return reloaded;
    }
}
