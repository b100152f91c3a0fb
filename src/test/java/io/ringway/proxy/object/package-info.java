@NullMarked
package io.ringway.proxy.object;

import org.jspecify.annotations.NullMarked;
