/**
 * OPTIONS and CORS as Swift's proxy does them ({@code Controller.OPTIONS},
 * {@code is_origin_allowed} and the {@code cors_validation} decorator of
 * {@code swift/proxy/controllers/base.py}): the rules in {@link io.ringway.proxy.cors.CorsPolicy},
 * their use on requests in {@link io.ringway.proxy.cors.Cors}.
 */
@NullMarked
package io.ringway.proxy.cors;

import org.jspecify.annotations.NullMarked;
