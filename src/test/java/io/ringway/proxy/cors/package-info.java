@NullMarked
package io.ringway.proxy.cors;

import org.jspecify.annotations.NullMarked;
