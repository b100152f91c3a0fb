/**
 * Federation: remote clusters ("targets") that federated storage policies ({@code TargetRing}s)
 * forward containers to. A {@link io.ringway.federation.Target} takes a request for a local
 * account's container or object and answers it from its cluster, streaming bodies both ways;
 * each target has its own connection pool, timeouts, circuit breaker and bulkhead, and holds the
 * credentials: no client token reaches a target.
 */
@NullMarked
package io.ringway.federation;

import org.jspecify.annotations.NullMarked;
