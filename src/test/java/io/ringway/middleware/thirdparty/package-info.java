@NullMarked
package io.ringway.middleware.thirdparty;

import org.jspecify.annotations.NullMarked;
