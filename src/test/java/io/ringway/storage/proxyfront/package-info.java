/**
 * The proxy-front proof of the real-server tier: Debian's {@code swift-proxy-server} 2.30.1,
 * unchanged, uses Ringway's storage node as its whole storage cluster, driven by the real
 * {@code swift} client. See {@code docs/testing.md}.
 */
@NullMarked
package io.ringway.storage.proxyfront;

import org.jspecify.annotations.NullMarked;
