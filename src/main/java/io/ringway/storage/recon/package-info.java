/**
 * Swift's recon on a storage node: the cache its daemons write their stats to, and the checks
 * that {@code swift-recon} asks for.
 */
@NullMarked
package io.ringway.storage.recon;

import org.jspecify.annotations.NullMarked;
