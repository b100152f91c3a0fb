package io.ringway.swift;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * An object's account, container and object names, unquoted: the gateway's view of a request, and
 * the storage node's of a data file's {@code name} metadata.
 *
 * @param account the account, e.g. {@code AUTH_test}
 * @param container the container
 * @param object the object name
 */
public record ObjectName(String account, String container, String object) {

    public ObjectName {
        requireNonNull(account, "account");
        requireNonNull(container, "container");
        requireNonNull(object, "object");
    }

    /**
     * {@code /account/container/object} back into its parts, as Swift's
     * {@code split_path(name, 3, 3, True)}; {@code null} when it is not such a name.
     */
    public static @Nullable ObjectName parse(String name) {
        if (!name.startsWith("/")) {
            return null;
        }
        String[] parts = name.substring(1).split("/", 3);
        if (parts.length < 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            return null;
        }
        return new ObjectName(parts[0], parts[1], parts[2]);
    }

    @Override
    public String toString() {
        return "/" + account + "/" + container + "/" + object;
    }
}
