@NullMarked
package io.ringway.policy;

import org.jspecify.annotations.NullMarked;
