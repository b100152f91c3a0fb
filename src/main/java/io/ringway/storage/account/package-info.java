/**
 * Swift 2.30's account server ({@code swift/account/server.py}, {@code backend.py},
 * {@code utils.py}): one SQLite database per account holding a row per container, as the
 * container servers report them, and the account's counts, per-policy stats and listings.
 */
@NullMarked
package io.ringway.storage.account;

import org.jspecify.annotations.NullMarked;
