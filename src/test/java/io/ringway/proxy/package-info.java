@NullMarked
package io.ringway.proxy;

import org.jspecify.annotations.NullMarked;
