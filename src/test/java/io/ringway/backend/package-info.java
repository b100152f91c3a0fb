/** Tests of the proxy's data path against real in-process storage nodes and fault-injecting fakes. */
@NullMarked
package io.ringway.backend;

import org.jspecify.annotations.NullMarked;
