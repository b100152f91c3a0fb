package io.ringway.storage.audit.watcher.darkdata;

import org.jspecify.annotations.Nullable;

/** An object's {@code /account/container/object} name, split as Swift's {@code split_path(name, 3, 3, True)}. */
record ObjectName(String account, String container, String object) {

    static @Nullable ObjectName parse(String name) {
        if (!name.startsWith("/")) {
            return null;
        }
        String[] parts = name.substring(1).split("/", 3);
        if (parts.length < 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            return null;
        }
        return new ObjectName(parts[0], parts[1], parts[2]);
    }
}
