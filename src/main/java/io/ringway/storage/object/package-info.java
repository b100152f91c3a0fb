/**
 * Swift 2.30's object server: objects on local devices in Swift's directory layout
 * ({@code objects[-N]/partition/suffix/hash/timestamp.data|.meta|.ts}), GET/HEAD/PUT/POST/DELETE
 * with swob's ranges and conditionals, container updates after each change, async pending
 * updates when a container server cannot be reached, and the updater that retries them.
 */
@NullMarked
package io.ringway.storage.object;

import org.jspecify.annotations.NullMarked;
