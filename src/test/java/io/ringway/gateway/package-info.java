@NullMarked
package io.ringway.gateway;

import org.jspecify.annotations.NullMarked;
