package io.ringway.storage.db;

import io.ringway.swift.listing.ListingAccept;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code get_listing_content_type} on a backend request, with Swift's 400 and 406;
 * {@link ListingAccept} does the matching, shared with the proxy's {@code listing_formats}.
 */
public final class ListingContentType {

    private ListingContentType() {
    }

    /**
     * The content type of the listing.
     *
     * @throws BackendHttpException 400 {@code Invalid Accept header}, 406 when nothing fits
     */
    public static String negotiate(QueryParams params, @Nullable String acceptHeader) {
        String type;
        try {
            type = ListingAccept.bestMatch(params.get("format"), acceptHeader);
        } catch (IllegalArgumentException e) {
            throw new BackendHttpException(400, "Invalid Accept header");
        }
        if (type == null) {
            throw new BackendHttpException(406, null);
        }
        return type;
    }
}
