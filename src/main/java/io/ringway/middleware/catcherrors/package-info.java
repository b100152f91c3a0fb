/** The {@code catch_errors} stage: transaction ids and the last line of error handling. */
@NullMarked
package io.ringway.middleware.catcherrors;

import org.jspecify.annotations.NullMarked;
