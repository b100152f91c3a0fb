/** Tests of the Swift API edge: path splitting and constraints, as Swift's test_constraints.py. */
@NullMarked
package io.ringway.api.swift;

import org.jspecify.annotations.NullMarked;
