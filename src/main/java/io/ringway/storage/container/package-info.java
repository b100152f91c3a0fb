/**
 * Swift 2.30's container server ({@code swift/container/server.py}, {@code backend.py},
 * {@code updater.py}): one SQLite database per container holding its object rows, listings
 * as SQL queries, and the reports of each container's counts to its account servers.
 */
@NullMarked
package io.ringway.storage.container;

import org.jspecify.annotations.NullMarked;
