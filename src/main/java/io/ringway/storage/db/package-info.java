/**
 * What Swift's account and container servers share ({@code swift/common/db.py} and the listing
 * helpers): one SQLite database per account or container at Swift's path, serialized access off
 * event loops, the JSON metadata with per-key timestamps, the delimiter listing loop, and the
 * request parsing and listing formats both servers answer with.
 */
@NullMarked
package io.ringway.storage.db;

import org.jspecify.annotations.NullMarked;
