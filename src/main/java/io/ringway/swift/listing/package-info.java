/**
 * Byte-exact pieces of Swift's account and container listings shared by the storage node's
 * servers and the proxy's {@code listing_formats} stage: Python's {@code json.dumps} strings,
 * ElementTree's XML escaping, and {@code get_listing_content_type}'s Accept matching.
 */
@NullMarked
package io.ringway.swift.listing;

import org.jspecify.annotations.NullMarked;
