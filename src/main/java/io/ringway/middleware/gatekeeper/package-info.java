/** The {@code gatekeeper} stage: backend and system-metadata headers never cross the edge. */
@NullMarked
package io.ringway.middleware.gatekeeper;

import org.jspecify.annotations.NullMarked;
