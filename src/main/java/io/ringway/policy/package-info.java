/**
 * Swift's {@code swift.conf}: the hash path prefix and suffix, the storage policies with Swift's
 * validation rules ({@code swift/common/storage_policy.py}) and the {@code [swift-constraints]}
 * limits ({@code swift/common/constraints.py}). Plain Java: no Spring here.
 */
@NullMarked
package io.ringway.policy;

import org.jspecify.annotations.NullMarked;
