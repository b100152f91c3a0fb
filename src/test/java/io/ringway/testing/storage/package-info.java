/**
 * Test infrastructure for the storage node's servers: devices in a temporary directory and a
 * server on a free port ({@link io.ringway.testing.storage.TestNode}).
 */
@NullMarked
package io.ringway.testing.storage;

import org.jspecify.annotations.NullMarked;
