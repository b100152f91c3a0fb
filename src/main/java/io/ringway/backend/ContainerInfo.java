package io.ringway.backend;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the proxy knows of a container, as Swift's {@code headers_to_container_info} (after
 * {@code get_container_info} made the counts integers).
 *
 * @param status the backend status (2xx: exists; 404 or 410: does not; 503: nobody answered; 0:
 *     its account does not exist, as in Swift)
 * @param objectCount {@code X-Container-Object-Count}, 0 when absent
 * @param bytes {@code X-Container-Bytes-Used}, 0 when absent
 * @param storagePolicy {@code X-Backend-Storage-Policy-Index}, 0 when absent
 * @param readAcl {@code X-Container-Read}
 * @param writeAcl {@code X-Container-Write}
 * @param syncKey {@code X-Container-Sync-Key}
 * @param versions {@code X-Versions-Location}
 * @param meta user metadata: {@code X-Container-Meta-<key>} by lower-case key
 * @param sysmeta system metadata: {@code X-Container-Sysmeta-<key>} by lower-case key
 */
public record ContainerInfo(int status, long objectCount, long bytes, int storagePolicy, @Nullable String readAcl,
        @Nullable String writeAcl, @Nullable String syncKey, @Nullable String versions, Map<String, String> meta,
        Map<String, String> sysmeta) {

    public ContainerInfo {
        meta = Map.copyOf(meta);
        sysmeta = Map.copyOf(sysmeta);
    }

    /** The info of a container that could not be looked up, with {@code status} only. */
    public static ContainerInfo missing(int status) {
        return new ContainerInfo(status, 0, 0, 0, null, null, null, null, Map.of(), Map.of());
    }

    /** Whether the container exists (a 2xx answer). */
    public boolean exists() {
        return status >= 200 && status < 300;
    }
}
