/**
 * A whole Ringway cluster for end-to-end fault tests: three storage nodes, relays that break
 * them on demand, rings over the relays, and the gateway in front.
 */
@NullMarked
package io.ringway.gateway.cluster;

import org.jspecify.annotations.NullMarked;
