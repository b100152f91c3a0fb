@NullMarked
package io.ringway.ring;

import org.jspecify.annotations.NullMarked;
