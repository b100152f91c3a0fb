package io.ringway.backend;

import static java.util.Objects.requireNonNull;

import io.ringway.ring.Ring;
import io.ringway.swift.ObjectName;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Flux;

/**
 * An object PUT as the API layer hands it to {@link ObjectPut}.
 *
 * @param ring the object ring of the container's storage policy
 * @param policyIndex sent as {@code X-Backend-Storage-Policy-Index}
 * @param name the object
 * @param headers headers for the object servers: {@code X-Timestamp} (required),
 *     {@code Content-Type}, {@code ETag}, {@code X-Object-Meta-*}, {@code X-Trans-Id}...;
 *     framing headers are set from {@code contentLength}
 * @param contentLength the body's length, or -1 for a chunked body
 * @param container where container updates go, or null for none
 * @param body the client's body; every buffer is released by {@link ObjectPut}
 * @param clientExpectsContinue whether the client sent {@code Expect: 100-continue}: it sends the
 *     body only once asked for it, so the nodes are to take the PUT first
 */
public record ObjectPutRequest(
        Ring ring,
        int policyIndex,
        ObjectName name,
        HttpHeaders headers,
        long contentLength,
        @Nullable ContainerTarget container,
        Flux<DataBuffer> body,
        boolean clientExpectsContinue) {

    public ObjectPutRequest {
        requireNonNull(ring, "ring");
        requireNonNull(name, "name");
        requireNonNull(headers, "headers");
        requireNonNull(body, "body");
        if (headers.getFirst("X-Timestamp") == null) {
            throw new IllegalArgumentException("headers: no X-Timestamp (expected: the request's timestamp)");
        }
    }
}
