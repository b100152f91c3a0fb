/**
 * The real-server test tier, the only one: the real Swift 2.30 storage servers
 * ({@code scripts/swift-storage.sh}), Ringway's own storage node booted as an application, and
 * {@link io.ringway.storage.conformance.BackendConformance}, which sends the same request
 * sequences to both over {@link io.ringway.testing.http.RawHttpClient} and reports every
 * difference. Runs under failsafe wherever {@code /usr/bin/swift-object-server} exists (a skip
 * fails with {@code CI=true}); see {@code docs/testing.md}.
 */
@NullMarked
package io.ringway.storage.conformance;

import org.jspecify.annotations.NullMarked;
