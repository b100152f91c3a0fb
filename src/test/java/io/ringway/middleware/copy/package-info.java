@NullMarked
package io.ringway.middleware.copy;

import org.jspecify.annotations.NullMarked;
