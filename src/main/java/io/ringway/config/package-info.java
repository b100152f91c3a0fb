/**
 * Spring wiring: the {@code ringway.*} properties and one {@code @Configuration} per area. The
 * packages below it stay free of Spring annotations so they can be built and tested alone.
 */
@NullMarked
package io.ringway.config;

import org.jspecify.annotations.NullMarked;
