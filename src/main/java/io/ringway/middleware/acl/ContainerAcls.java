package io.ringway.middleware.acl;

import org.jspecify.annotations.Nullable;

/**
 * The ACL headers stored with a container, as Swift's container info carries them
 * ({@code read_acl}, {@code write_acl}): raw, already cleaned strings, or {@code null} when unset.
 */
public record ContainerAcls(@Nullable String read, @Nullable String write) {

    /** A container without ACLs (or one that does not exist). */
    public static final ContainerAcls NONE = new ContainerAcls(null, null);
}
