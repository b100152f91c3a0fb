package io.ringway.backend;

import static java.util.Objects.requireNonNull;

import io.ringway.ring.Ring;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * A request to every primary of a partition, as the API layer hands it to {@link BackendRequests}.
 *
 * @param ring the ring (account, container or an object policy's)
 * @param partition the partition of {@code path}
 * @param method the method for the nodes
 * @param path the unquoted path after {@code /device/partition}, e.g. {@code /a/c}
 * @param query the query string, already encoded, or null
 * @param headers one header set per request sent: its size is the number of nodes asked (Swift
 *     gives each replica its own account or container update headers)
 * @param overrides statuses counted as others when no class has a quorum (Swift's
 *     {@code overrides}, e.g. 404 as 204 for a DELETE)
 */
public record FanOutRequest(Ring ring, int partition, HttpMethod method, String path, @Nullable String query,
        List<HttpHeaders> headers, Map<Integer, Integer> overrides) {

    public FanOutRequest {
        requireNonNull(ring, "ring");
        requireNonNull(method, "method");
        requireNonNull(path, "path");
        headers = List.copyOf(headers);
        overrides = Map.copyOf(overrides);
        if (headers.isEmpty()) {
            throw new IllegalArgumentException("headers: empty (expected: one set per node to ask)");
        }
    }
}
