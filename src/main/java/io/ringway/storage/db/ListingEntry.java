package io.ringway.storage.db;

/** One line of a listing: a database row, or a subdir that rolls up names under a delimiter. */
public sealed interface ListingEntry<R> {

    /** A row of the {@code object} or {@code container} table. */
    record Row<R>(R row) implements ListingEntry<R> {
    }

    /** A name prefix ending with the delimiter, standing for every name under it. */
    record Subdir<R>(String name) implements ListingEntry<R> {
    }
}
