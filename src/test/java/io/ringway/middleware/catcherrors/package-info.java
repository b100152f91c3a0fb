@NullMarked
package io.ringway.middleware.catcherrors;

import org.jspecify.annotations.NullMarked;
