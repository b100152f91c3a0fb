package io.ringway.backend;

import static java.util.Objects.requireNonNull;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Flux;

/**
 * An account or container GET or HEAD answer. Either a node's answer chosen as the source
 * (Swift's {@code get_working_response}), whose body streams from that node and must be
 * subscribed to (or cancelled) as it holds the connection; or, when no node gave a good answer,
 * Swift's {@code best_response} of what the nodes said, with its small body read already.
 *
 * @param status the status for the client
 * @param headers the chosen answer's headers, as the node sent them
 * @param fromSource whether a node gave a good answer (2xx or 3xx); false for {@code best_response}
 * @param body the source's body (empty for HEAD and for {@code best_response}); its buffers belong to the subscriber
 * @param errorBody the body of the {@code best_response} answer (empty for a source)
 */
public record DatabaseResponse(int status, HttpHeaders headers, boolean fromSource, Flux<DataBuffer> body,
        byte[] errorBody) {

    public DatabaseResponse {
        requireNonNull(headers, "headers");
        requireNonNull(body, "body");
        requireNonNull(errorBody, "errorBody");
    }
}
