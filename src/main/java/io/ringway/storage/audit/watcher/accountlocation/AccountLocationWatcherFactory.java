package io.ringway.storage.audit.watcher.accountlocation;

import io.ringway.storage.audit.watcher.AuditWatcher;
import io.ringway.storage.audit.watcher.AuditWatcherFactory;
import java.util.Map;

/** Makes {@code account_location} watchers ({@link AccountLocationWatcher}); they take no settings. */
public final class AccountLocationWatcherFactory implements AuditWatcherFactory {

    public static final String NAME = "account_location";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public AuditWatcher create(Map<String, String> config) {
        return new AccountLocationWatcher();
    }
}
