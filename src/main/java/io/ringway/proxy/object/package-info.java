/**
 * The object controller of the Swift API v1, as Swift 2.30's {@code ReplicatedObjectController}
 * ({@code swift/proxy/controllers/obj.py}) with {@code base.py}'s {@code GETorHEAD_base} and
 * {@code update_headers}: GET and HEAD through {@link io.ringway.backend.ObjectGet}, PUT through
 * {@link io.ringway.backend.ObjectPut}, POST and DELETE through
 * {@link io.ringway.backend.BackendRequests}.
 */
@NullMarked
package io.ringway.proxy.object;

import org.jspecify.annotations.NullMarked;
