/**
 * Swift's shared primitives, used by the gateway and the storage node alike: timestamps,
 * hash paths and the status table of Swift's {@code swob.py}.
 */
@NullMarked
package io.ringway.swift;

import org.jspecify.annotations.NullMarked;
