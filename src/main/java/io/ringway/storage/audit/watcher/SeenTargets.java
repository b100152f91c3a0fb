package io.ringway.storage.audit.watcher;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The accounts an auditor showed its watchers in one pass, by name and device, so that what a
 * watcher reports about them can be checked. Objects and containers are not kept: a node may hold
 * millions of them, and no report handler needs them yet.
 */
public final class SeenTargets {

    private final Map<String, Set<String>> devicesByName = new HashMap<>();

    synchronized void add(AuditTarget target) {
        if (target.kind() == AuditTarget.Kind.ACCOUNT) {
            devicesByName.computeIfAbsent(target.name(), name -> new HashSet<>()).add(target.device());
        }
    }

    /** Whether the account {@code name} ({@code /account}) was seen on {@code device}. */
    public synchronized boolean contains(String name, String device) {
        return devicesByName.getOrDefault(name, Set.of()).contains(device);
    }
}
