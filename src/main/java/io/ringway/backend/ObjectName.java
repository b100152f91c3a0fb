package io.ringway.backend;

import static java.util.Objects.requireNonNull;

/**
 * An object's account, container and object names, unquoted.
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

    @Override
    public String toString() {
        return "/" + account + "/" + container + "/" + object;
    }
}
