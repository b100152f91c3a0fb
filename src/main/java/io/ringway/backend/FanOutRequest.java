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
 * @param localHandoffsPolicy for an object DELETE, the storage policy whose {@code write_affinity}
 *     puts local handoffs right after the primaries (Swift's {@code iter_nodes_local_first} with
 *     {@code local_handoffs_first}); null for Swift's plain {@code iter_nodes}, primaries sorted by
 *     the proxy's own options, then handoffs
 */
public record FanOutRequest(Ring ring, int partition, HttpMethod method, String path, @Nullable String query,
        List<HttpHeaders> headers, Map<Integer, Integer> overrides, @Nullable Integer localHandoffsPolicy) {

    /** A request to the nodes in Swift's plain {@code iter_nodes} order. */
    public FanOutRequest(Ring ring, int partition, HttpMethod method, String path, @Nullable String query,
            List<HttpHeaders> headers, Map<Integer, Integer> overrides) {
        this(ring, partition, method, path, query, headers, overrides, null);
    }

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
