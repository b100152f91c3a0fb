/** Ringway: a reactive storage gateway speaking the OpenStack Swift API. */
@NullMarked
package io.ringway;

import org.jspecify.annotations.NullMarked;
