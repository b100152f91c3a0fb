package io.ringway.storage.audit.watcher;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * One object, container or account database an auditor has just checked and found sound, as
 * shown to watchers.
 *
 * @param kind what it is
 * @param name its Swift name: {@code /account/container/object}, {@code /account/container} or
 *     {@code /account} (an object's metadata {@code name})
 * @param device the device it is on, e.g. {@code d1}
 * @param partition its partition directory
 * @param policyIndex the storage policy of an object or container; 0 for an account
 * @param path the file audited: an object's {@code .data} file, a database's {@code .db} file
 * @param metadata an object's metadata as a GET sees it (Swift's keys: {@code name},
 *     {@code X-Timestamp}, {@code Content-Length}, {@code ETag}, {@code Content-Type},
 *     {@code X-Object-Meta-*}...), or a database's {@code get_info()} ({@code put_timestamp},
 *     {@code object_count}...)
 */
public record AuditTarget(Kind kind, String name, String device, String partition, int policyIndex, String path,
        Map<String, String> metadata) {

    public AuditTarget {
        requireNonNull(kind, "kind");
        requireNonNull(name, "name");
        requireNonNull(device, "device");
        requireNonNull(partition, "partition");
        requireNonNull(path, "path");
        metadata = Map.copyOf(metadata);
    }

    /** What an auditor audits. */
    public enum Kind {
        OBJECT, CONTAINER, ACCOUNT
    }
}
