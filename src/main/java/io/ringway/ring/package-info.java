/**
 * Swift's consistent-hash rings: immutable {@link io.ringway.ring.Ring} snapshots that place
 * partitions exactly as Swift's {@code swift/common/ring/ring.py} does, the v1 ring file format,
 * an in-memory builder for the embedded mode, and holders that reload changed ring files while
 * keeping the last good ring.
 */
@NullMarked
package io.ringway.ring;

import org.jspecify.annotations.NullMarked;
