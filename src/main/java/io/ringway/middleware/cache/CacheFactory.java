package io.ringway.middleware.cache;

import io.ringway.middleware.Middleware;
import io.ringway.middleware.MiddlewareContext;
import io.ringway.middleware.MiddlewareFactory;

/**
 * Builds {@code cache} (Swift's {@code memcache} middleware, {@code egg:swift#memcache}): a
 * pass-through stage. The {@link InfoCache} it stands for is a gateway service, so stages get it
 * from {@link MiddlewareContext#service} wherever they sit; put {@code cache} before the auth
 * stage in the pipeline anyway, as Swift's sample pipelines do, so the pipeline reads as Swift's.
 * Its settings, {@code ringway.middleware.cache.*} ({@link CacheConfig}), configure the
 * InfoCache.
 */
public final class CacheFactory implements MiddlewareFactory<CacheConfig> {

    @Override
    public String name() {
        return "cache";
    }

    @Override
    public Class<CacheConfig> configType() {
        return CacheConfig.class;
    }

    @Override
    public Middleware create(CacheConfig config, MiddlewareContext context) {
        // Fails at startup, not on the first request, when the gateway has no InfoCache.
        context.service(InfoCache.class);
        return (exchange, next) -> next.next(exchange);
    }
}
