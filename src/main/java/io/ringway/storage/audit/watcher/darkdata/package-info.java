/**
 * The {@code dark_data} watcher: objects that no container lists (Swift's {@code
 * swift/obj/watchers/dark_data.py}).
 */
@NullMarked
package io.ringway.storage.audit.watcher.darkdata;

import org.jspecify.annotations.NullMarked;
