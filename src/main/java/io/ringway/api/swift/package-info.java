/**
 * The Swift API edge: client request paths split as Swift's proxy does and the client-facing
 * checks of {@code swift/common/constraints.py}, with Swift's statuses and bodies.
 */
@NullMarked
package io.ringway.api.swift;

import org.jspecify.annotations.NullMarked;
