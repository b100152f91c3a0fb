/**
 * The middleware pipeline, Swift's paste {@code pipeline =} line: named stages built by
 * factories registered under Swift's names (third-party ones through {@link java.util.ServiceLoader}),
 * run in the order configuration gives, in front of the Swift API. One subpackage per stage.
 */
@NullMarked
package io.ringway.middleware;

import org.jspecify.annotations.NullMarked;
