@NullMarked
package io.ringway.api.error;

import org.jspecify.annotations.NullMarked;
