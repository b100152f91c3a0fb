package io.ringway.storage.db;

import io.ringway.storage.node.BackendPath;

/**
 * Swift's {@code validate_internal_*} checks on backend paths: a name may contain the reserved
 * byte {@code \0} only at its start (a reserved-namespace name), and, outside auto-created
 * accounts, reserved-namespace objects live only in reserved-namespace containers.
 */
public final class ReservedNames {

    private static final String RESERVED = "\u0000";

    private ReservedNames() {
    }

    /**
     * @param autoCreatePrefix accounts starting with it skip the object checks, as Swift's do
     * @throws BackendHttpException 400 with Swift's message
     */
    public static void validate(BackendPath path, String autoCreatePrefix) {
        check(path.account(), "account");
        String container = path.container();
        if (container != null) {
            check(container, "container");
        }
        String object = path.object();
        if (object == null || container == null || path.account().startsWith(autoCreatePrefix)
                || path.account().equals(".misplaced_objects")) {
            return;
        }
        check(object, "object");
        if (container.startsWith(RESERVED) && !object.startsWith(RESERVED)) {
            throw new BackendHttpException(400, "Invalid user-namespace object in reserved-namespace container");
        }
        if (object.startsWith(RESERVED) && !container.startsWith(RESERVED)) {
            throw new BackendHttpException(400, "Invalid reserved-namespace object in user-namespace container");
        }
    }

    private static void check(String name, String type) {
        if (name.contains(RESERVED) && !name.startsWith(RESERVED)) {
            throw new BackendHttpException(400, "Invalid reserved-namespace " + type);
        }
    }
}
