@NullMarked
package io.ringway.middleware;

import org.jspecify.annotations.NullMarked;
