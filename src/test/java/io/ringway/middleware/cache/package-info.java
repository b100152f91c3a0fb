@NullMarked
package io.ringway.middleware.cache;

import org.jspecify.annotations.NullMarked;
