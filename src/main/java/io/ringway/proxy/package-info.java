/**
 * The Swift API v1 at the end of the pipeline, as Swift's {@code proxy-server} app: the
 * {@link io.ringway.proxy.ProxyApplication} splits the path and hands the request to the account,
 * container or object controller (or {@code /info}), whose reply streams back to the client.
 */
@NullMarked
package io.ringway.proxy;

import org.jspecify.annotations.NullMarked;
