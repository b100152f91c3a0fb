package io.ringway.proxy.cors;

import io.ringway.backend.ContainerInfo;
import org.jspecify.annotations.Nullable;

/**
 * A container's CORS settings, its {@code X-Container-Meta-Access-Control-*} metadata, as the
 * {@code cors} entry of Swift's container info.
 *
 * @param allowOrigin {@code X-Container-Meta-Access-Control-Allow-Origin}: space-separated origins, or {@code *}
 * @param exposeHeaders {@code X-Container-Meta-Access-Control-Expose-Headers}: space-separated header names
 * @param maxAge {@code X-Container-Meta-Access-Control-Max-Age}, passed on as it is
 */
public record ContainerCors(@Nullable String allowOrigin, @Nullable String exposeHeaders, @Nullable String maxAge) {

    /** A container without CORS metadata (or one that does not exist). */
    public static final ContainerCors NONE = new ContainerCors(null, null, null);

    /** The CORS settings in a container's info. */
    public static ContainerCors of(ContainerInfo info) {
        return new ContainerCors(info.meta().get("access-control-allow-origin"),
                info.meta().get("access-control-expose-headers"), info.meta().get("access-control-max-age"));
    }

    /** Whether the container allows any origin ({@code *}), which is then answered as {@code *}. */
    boolean anyOrigin() {
        return allowOrigin != null && allowOrigin.strip().equals("*");
    }
}
