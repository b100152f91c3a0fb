package io.ringway.middleware.listingformats;

import io.ringway.middleware.Middleware;
import io.ringway.middleware.MiddlewareContext;
import io.ringway.middleware.MiddlewareFactory;

/**
 * Builds {@code listing_formats}; it may sit anywhere before the Swift API, in Swift's sample
 * pipeline after the caches and before auth.
 */
public final class ListingFormatsFactory implements MiddlewareFactory<ListingFormatsConfig> {

    @Override
    public String name() {
        return "listing_formats";
    }

    @Override
    public Class<ListingFormatsConfig> configType() {
        return ListingFormatsConfig.class;
    }

    @Override
    public Middleware create(ListingFormatsConfig config, MiddlewareContext context) {
        return new ListingFormatsMiddleware(config);
    }
}
