package io.ringway.middleware.listingformats;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code ringway.middleware.listing_formats}.
 *
 * @param maxListingLength the largest JSON listing the stage reads whole to convert; a response
 *     declaring more, or no {@code Content-Length}, passes through untouched. Swift hard-codes
 *     {@code MAX_CONTAINER_LISTING_CONTENT_LENGTH}: 10000 names of 1024 bytes, doubled for the
 *     other fields (20,480,000 bytes)
 */
public record ListingFormatsConfig(@DefaultValue("20480000B") DataSize maxListingLength) {
}
