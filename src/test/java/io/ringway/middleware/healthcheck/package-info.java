@NullMarked
package io.ringway.middleware.healthcheck;

import org.jspecify.annotations.NullMarked;
