/**
 * The {@code proxy_logging} stage: Swift's access log line per request, on the
 * {@code ringway.access} logger, and the request timers and byte counters.
 */
@NullMarked
package io.ringway.middleware.proxylogging;

import org.jspecify.annotations.NullMarked;
