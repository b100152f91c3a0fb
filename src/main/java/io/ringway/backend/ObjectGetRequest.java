package io.ringway.backend;

import static java.util.Objects.requireNonNull;

import io.ringway.ring.Ring;
import io.ringway.swift.ObjectName;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * A GET or HEAD of an object, as the API layer hands it to {@link ObjectGet}.
 *
 * @param method {@code GET} or {@code HEAD}
 * @param ring the object ring of the object's storage policy
 * @param policyIndex the storage policy index, sent as {@code X-Backend-Storage-Policy-Index}
 * @param name the object
 * @param headers headers to forward to the object servers ({@code Range}, conditionals,
 *     {@code X-Trans-Id}...), already filtered by the API layer
 */
public record ObjectGetRequest(HttpMethod method, Ring ring, int policyIndex, ObjectName name, HttpHeaders headers) {

    public ObjectGetRequest {
        requireNonNull(method, "method");
        requireNonNull(ring, "ring");
        requireNonNull(name, "name");
        requireNonNull(headers, "headers");
        if (!method.equals(HttpMethod.GET) && !method.equals(HttpMethod.HEAD)) {
            throw new IllegalArgumentException("method: " + method + " (expected: GET or HEAD)");
        }
    }
}
