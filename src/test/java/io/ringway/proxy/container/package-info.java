@NullMarked
package io.ringway.proxy.container;

import org.jspecify.annotations.NullMarked;
