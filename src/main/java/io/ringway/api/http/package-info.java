/**
 * The gateway's HTTP edge below Spring: what Swift's eventlet server does to a request before the
 * proxy sees it (raw bytes in request paths, too long header lines, {@code Connection: keep-alive}
 * answers, bodies in a transfer coding Swift refuses).
 */
@NullMarked
package io.ringway.api.http;

import org.jspecify.annotations.NullMarked;
