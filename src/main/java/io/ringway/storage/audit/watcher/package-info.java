/**
 * Audit watchers: the public SPI operators implement ({@link
 * io.ringway.storage.audit.watcher.AuditWatcher}, found through {@link java.util.ServiceLoader})
 * and the child JVM each audit pass runs them in, so that no watcher can stop, slow beyond its
 * bounds or crash the auditor.
 */
@NullMarked
package io.ringway.storage.audit.watcher;

import org.jspecify.annotations.NullMarked;
