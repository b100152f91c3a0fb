/** The {@code copy} stage: Swift's server-side copy ({@code COPY}, {@code PUT} with {@code X-Copy-From}). */
@NullMarked
package io.ringway.middleware.copy;

import org.jspecify.annotations.NullMarked;
