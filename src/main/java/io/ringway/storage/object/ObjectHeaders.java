package io.ringway.storage.object;

import java.util.Locale;

/**
 * Header names as Swift's object server sees them: WSGI hands it title-cased names
 * ({@code X-Object-Meta-Color}), and it classifies them as user metadata, system metadata or
 * transient system metadata by prefix ({@code swift.common.request_helpers}).
 */
final class ObjectHeaders {

    static final String USER_META = "x-object-meta-";
    static final String SYSMETA = "x-object-sysmeta-";
    static final String TRANSIENT_SYSMETA = "x-object-transient-sysmeta-";

    private ObjectHeaders() {
    }

    /**
     * A header name as Swift sees it: WSGI turns {@code -} into {@code _} in its environ keys and
     * back into {@code -}, so underscores become hyphens; then Python's {@code str.title()},
     * upper case after any non-letter and lower case otherwise.
     */
    static String title(String name) {
        return io.ringway.swift.SwiftChecks.headerName(name);
    }

    static boolean isUserMeta(String name) {
        return lower(name).startsWith(USER_META);
    }

    static boolean isSysMeta(String name) {
        return lower(name).startsWith(SYSMETA);
    }

    static boolean isTransientSysMeta(String name) {
        return lower(name).startsWith(TRANSIENT_SYSMETA);
    }

    /** What a PUT stores from its headers besides allowed headers: user, system and transient metadata. */
    static boolean storedAtPut(String name) {
        return isUserMeta(name) || isSysMeta(name) || isTransientSysMeta(name);
    }

    /** What a POST replaces: user and transient metadata; system metadata stays with the data file. */
    static boolean storedAtPost(String name) {
        return isUserMeta(name) || isTransientSysMeta(name);
    }

    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
