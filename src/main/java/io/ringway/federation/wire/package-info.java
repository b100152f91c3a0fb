/**
 * The HTTP/1.1 client that carries every request to a target: kept connections per target, event
 * loop and origin, one request at a time on each, the answer read on the connection's loop and
 * only as fast as the client takes it.
 */
@NullMarked
package io.ringway.federation.wire;

import org.jspecify.annotations.NullMarked;
