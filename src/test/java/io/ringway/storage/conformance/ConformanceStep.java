package io.ringway.storage.conformance;

import static java.util.Objects.requireNonNull;

import io.ringway.storage.node.ServerType;
import io.ringway.testing.http.RawRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One request of a sequence and what of its answer matters.
 *
 * @param name what the step does, for reports
 * @param request the request, with {@code {dev}} and {@code {a}} placeholders
 * @param expectedStatus the status real Swift must answer (checks the sequence itself)
 * @param headers the significant headers, compared between both servers; a name ending in
 *     {@code *} stands for every header with that prefix (their names and values); a name
 *     starting with {@code ?} is compared for presence only (values that are wall-clock times);
 *     {@code *} alone stands for every header; a name starting with {@code !} is left out of
 *     the value comparison (a known difference, explained where the step is written)
 * @param expectedHeaders header values real Swift must send (a null value: must be absent)
 * @param compareBody whether the bodies must be equal
 * @param multipart whether the answer is {@code multipart/byteranges}: its random boundary is
 *     replaced by a fixed token in {@code Content-Type} and the body, and {@code Content-Length}
 *     (which depends on the boundary's length) is not compared
 * @param server the server the step goes to, when not the sequence's own (a container sequence
 *     that reads what its updates did to the account server); null: the sequence's server
 */
record ConformanceStep(String name, RawRequest request, int expectedStatus, List<String> headers,
        Map<String, @Nullable String> expectedHeaders, boolean compareBody, boolean multipart,
        @Nullable ServerType server) {

    ConformanceStep {
        requireNonNull(name, "name");
        requireNonNull(request, "request");
        headers = List.copyOf(headers);
        expectedHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(expectedHeaders));
    }
}
