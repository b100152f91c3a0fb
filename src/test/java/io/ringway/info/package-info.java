@NullMarked
package io.ringway.info;

import org.jspecify.annotations.NullMarked;
