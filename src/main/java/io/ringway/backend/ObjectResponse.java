package io.ringway.backend;

import static java.util.Objects.requireNonNull;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Flux;

/**
 * What the data path answers the API layer: a status, the backend's headers and a body that
 * streams from the storage node. The body must be subscribed to (and may be cancelled): until
 * then it holds a backend connection. Its buffers belong to the subscriber, who releases them.
 *
 * @param status the status for the client
 * @param headers the chosen backend response's headers
 * @param body the body, empty for HEAD and for answers without a source
 */
public record ObjectResponse(int status, HttpHeaders headers, Flux<DataBuffer> body) {

    public ObjectResponse {
        requireNonNull(headers, "headers");
        requireNonNull(body, "body");
    }

    static ObjectResponse bodiless(int status, HttpHeaders headers) {
        return new ObjectResponse(status, headers, Flux.empty());
    }
}
