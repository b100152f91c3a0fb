/**
 * The real-server test tier: a raw HTTP/1.1 client, the real Swift 2.30 storage servers
 * ({@code scripts/swift-storage.sh}), Ringway's own storage node booted as an application, and
 * {@link io.ringway.storage.conformance.BackendConformance}, which sends the same request
 * sequences to both and reports every difference. Runs under failsafe with
 * {@code -Dringway.realSwift=true}; see {@code docs/testing.md}.
 */
@NullMarked
package io.ringway.storage.conformance;

import org.jspecify.annotations.NullMarked;
