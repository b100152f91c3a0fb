/**
 * Errors as clients see them: {@link io.ringway.api.error.GatewayException}, raised as
 * {@code Mono.error(...)} anywhere in the gateway, and the one {@code WebExceptionHandler} that
 * renders it in Swift's dialect with the request's transaction id.
 */
@NullMarked
package io.ringway.api.error;

import org.jspecify.annotations.NullMarked;
