package io.ringway.middleware.proxylogging;

import org.jspecify.annotations.Nullable;

/** The name of a storage policy by its index, or {@code null} when the cluster has none such. */
@FunctionalInterface
interface PolicyNames {

    @Nullable String of(int index);
}
