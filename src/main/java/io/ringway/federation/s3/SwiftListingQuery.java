package io.ringway.federation.s3;

import io.ringway.storage.db.BackendHttpException;
import io.ringway.storage.db.QueryParams;
import io.ringway.storage.db.SwiftRequests;
import org.jspecify.annotations.Nullable;

/**
 * A Swift container listing's parameters, checked as Swift's container server checks them
 * ({@code limit} at most 10000, a delimiter of one character), for a walk over S3 pages.
 *
 * @param limit the most entries, subdirs included
 * @param marker names after it ({@code ""}: from the start); with {@code reverse}, names before it
 * @param endMarker names before it, or null; with {@code reverse}, names after it
 * @param prefix names starting with it
 * @param delimiter roll names up to it (after the prefix) into a subdir, or null
 * @param pathOnly Swift's {@code path}: only the objects right in the prefix, no subdirs
 * @param reverse descending order
 */
record SwiftListingQuery(int limit, String marker, @Nullable String endMarker, String prefix,
        @Nullable String delimiter, boolean pathOnly, boolean reverse) {

    static final int MAX_LIMIT = 10_000;

    /** The query of {@code rawQuery}; {@link BackendHttpException} (412, 400) as Swift refuses it. */
    static SwiftListingQuery parse(@Nullable String rawQuery) {
        QueryParams params = QueryParams.parse(rawQuery);
        int limit = SwiftRequests.limit(params, MAX_LIMIT);
        String marker = params.get("marker", "");
        String endMarker = params.get("end_marker");
        String prefix = params.get("prefix", "");
        String delimiter = params.get("delimiter");
        String path = params.get("path");
        boolean reverse = SwiftRequests.isTrue(params.get("reverse"));
        if (delimiter != null && !delimiter.isEmpty() && (delimiter.codePointCount(0, delimiter.length()) > 1
                || delimiter.codePointAt(0) > 254)) {
            throw new BackendHttpException(412, "Bad delimiter");
        }
        if (delimiter != null && delimiter.isEmpty()) {
            delimiter = null;
        }
        if (path != null) {
            String stripped = path;
            while (stripped.endsWith("/")) {
                stripped = stripped.substring(0, stripped.length() - 1);
            }
            return new SwiftListingQuery(limit, marker, emptyToNull(endMarker),
                    path.isEmpty() ? "" : stripped + "/", "/", true, reverse);
        }
        return new SwiftListingQuery(limit, marker, emptyToNull(endMarker), prefix, delimiter, false, reverse);
    }

    /** Whether it asks for the whole container, in order: its walk sees every object once. */
    boolean wholeContainer() {
        return marker.isEmpty() && endMarker == null && prefix.isEmpty() && delimiter == null && !reverse
                && limit == MAX_LIMIT;
    }

    private static @Nullable String emptyToNull(@Nullable String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
