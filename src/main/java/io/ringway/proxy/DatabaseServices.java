package io.ringway.proxy;

import static java.util.Objects.requireNonNull;

import io.ringway.api.swift.EdgeConstraints;
import io.ringway.backend.BackendRequests;
import io.ringway.backend.DatabaseGet;
import io.ringway.middleware.cache.InfoCache;
import io.ringway.policy.StoragePolicies;
import io.ringway.ring.Rings;

/**
 * What the account and container controllers share: the storage nodes (reads one replica at a
 * time, writes to all), the rings, the info cache they keep current, the client checks and the
 * proxy's options.
 *
 * @param reads account and container GET and HEAD ({@code GETorHEAD_base})
 * @param writes PUT, POST and DELETE to every replica ({@code make_requests})
 * @param rings the account and container rings (the latest loaded)
 * @param cache account and container info; every write invalidates what it changes
 * @param policies the storage policies, for {@code X-Storage-Policy}
 * @param constraints the client checks ({@code constraints.py})
 * @param settings the proxy's account and container options
 */
public record DatabaseServices(DatabaseGet reads, BackendRequests writes, Rings rings, InfoCache cache,
        StoragePolicies policies, EdgeConstraints constraints, ProxySettings settings) {

    public DatabaseServices {
        requireNonNull(reads, "reads");
        requireNonNull(writes, "writes");
        requireNonNull(rings, "rings");
        requireNonNull(cache, "cache");
        requireNonNull(policies, "policies");
        requireNonNull(constraints, "constraints");
        requireNonNull(settings, "settings");
    }

    /** Swift's {@code auto_create_account_prefix} ({@code swift.conf}). */
    public String autoCreateAccountPrefix() {
        return constraints.limits().autoCreateAccountPrefix();
    }
}
