/**
 * The container image tier: the top-level {@code Dockerfile} built from the working tree and run
 * on a Docker engine with Testcontainers, host networking. See {@code docs/container-image.md}.
 */
@NullMarked
package io.ringway.image;

import org.jspecify.annotations.NullMarked;
