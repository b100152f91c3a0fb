/**
 * The proxy's data path to storage nodes, below the HTTP API: the shared client, per-node error
 * limiting, the node order of Swift's {@code iter_nodes}, object GET/HEAD with failover and
 * resume ({@link io.ringway.backend.ObjectGet}) and the replicated object PUT fan-out
 * ({@link io.ringway.backend.ObjectPut}), both ported from Swift 2.30's proxy.
 */
@NullMarked
package io.ringway.backend;

import org.jspecify.annotations.NullMarked;
