/** The {@code listing_formats} stage: plain, JSON and XML account and container listings. */
@NullMarked
package io.ringway.middleware.listingformats;

import org.jspecify.annotations.NullMarked;
