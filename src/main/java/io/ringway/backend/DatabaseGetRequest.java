package io.ringway.backend;

import static java.util.Objects.requireNonNull;

import io.ringway.ring.Ring;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * A GET or HEAD of an account or container database, as the API layer hands it to
 * {@link DatabaseGet}.
 *
 * @param method {@code GET} or {@code HEAD}
 * @param ring the account or container ring
 * @param account the account
 * @param container the container, or null for an account
 * @param query the query string for the nodes, already encoded (e.g. {@code format=json&limit=2}), or null
 * @param headers the headers for the nodes ({@code X-Newest} among them asks every node)
 */
public record DatabaseGetRequest(HttpMethod method, Ring ring, String account, @Nullable String container,
        @Nullable String query, HttpHeaders headers) {

    public DatabaseGetRequest {
        requireNonNull(method, "method");
        requireNonNull(ring, "ring");
        requireNonNull(account, "account");
        requireNonNull(headers, "headers");
        if (!method.equals(HttpMethod.GET) && !method.equals(HttpMethod.HEAD)) {
            throw new IllegalArgumentException("method: " + method + " (expected: GET or HEAD)");
        }
    }

    /** The unquoted path after {@code /device/partition}: {@code /a} or {@code /a/c}. */
    String path() {
        return "/" + account + (container == null ? "" : "/" + container);
    }
}
