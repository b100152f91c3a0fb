package io.ringway.storage.db;

import org.jspecify.annotations.Nullable;

/**
 * The parameters of an account or container listing, as Swift's {@code list_*_iter} take them.
 *
 * @param limit the most entries (subdirs included) to return
 * @param marker only names after this one ({@code ""}: no marker)
 * @param endMarker only names before this one
 * @param prefix only names starting with it
 * @param delimiter roll names up to the first delimiter after the prefix into one subdir entry
 * @param path container listings only: prefix {@code path + "/"} and delimiter {@code "/"}
 * @param reverse descending order
 * @param allowReserved include names starting with Swift's reserved byte {@code \0}
 */
public record ListingQuery(int limit, String marker, @Nullable String endMarker, @Nullable String prefix,
        @Nullable String delimiter, @Nullable String path, boolean reverse, boolean allowReserved) {

    /** Everything, in order, up to {@code limit}. */
    public static ListingQuery all(int limit) {
        return new ListingQuery(limit, "", null, null, null, null, false, false);
    }
}
