/**
 * The {@code account_location} watcher: which devices each account database lives on, served by
 * recon and as a gauge.
 */
@NullMarked
package io.ringway.storage.audit.watcher.accountlocation;

import org.jspecify.annotations.NullMarked;
