package io.ringway.storage.audit.watcher.darkdata;

import io.ringway.storage.audit.watcher.AuditWatcher;
import io.ringway.storage.audit.watcher.AuditWatcherFactory;
import java.util.Map;

/** Makes {@code dark_data} watchers ({@link DarkDataWatcher}). */
public final class DarkDataWatcherFactory implements AuditWatcherFactory {

    @Override
    public String name() {
        return "dark_data";
    }

    @Override
    public AuditWatcher create(Map<String, String> config) {
        return DarkDataWatcher.create(config);
    }
}
