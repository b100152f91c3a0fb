package io.ringway.storage.audit.watcher;

import java.util.Map;

/**
 * Makes the watchers of one name; found by {@link java.util.ServiceLoader} (Swift's entry
 * points): list the implementing class in
 * {@code META-INF/services/io.ringway.storage.audit.watcher.AuditWatcherFactory} of a jar on the
 * classpath, and name it in {@code ringway.storage.auditor.watchers}. Only the child JVM of an
 * audit pass loads factories; the node itself never runs their code.
 */
public interface AuditWatcherFactory {

    /** The name operators configure, e.g. {@code dark_data}. */
    String name();

    /**
     * A new watcher for one pass.
     *
     * @param config the watcher's section {@code ringway.storage.auditor.watcher.<name>.*} (keys as
     *     written there; read them with {@link WatcherSettings}), plus {@code swift_dir} (the
     *     cluster's swift directory) and {@code devices} (the node's devices directory)
     */
    AuditWatcher create(Map<String, String> config);
}
