/** The {@code healthcheck} stage: {@code GET /healthcheck} for load balancers. */
@NullMarked
package io.ringway.middleware.healthcheck;

import org.jspecify.annotations.NullMarked;
