package io.ringway.storage.object;

import io.ringway.storage.node.InvalidBackendPathException;
import io.ringway.swift.SwiftStatus;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** Turns what the handlers throw into the answers Swift's object server gives. */
final class ObjectResponses {

    static final String HTML = "text/html; charset=UTF-8";
    private static final Logger log = LoggerFactory.getLogger(ObjectResponses.class);

    private ObjectResponses() {
    }

    static Mono<ServerResponse> error(Throwable error, String method, String path) {
        if (error instanceof ObjectRequestException answer) {
            return answer(answer.status(), answer.body(), answer.plainText(), answer.headers());
        }
        if (error instanceof InsufficientStorageException full) {
            // swob's body for HTTPInsufficientStorage(drive=...), with Swift's exact Content-Type
            return answer(507, SwiftStatus.insufficientStorageBody(full.device()), false, Map.of());
        }
        if (error instanceof InvalidBackendPathException invalid) {
            return answer(400, invalid.getMessage(), true, Map.of());
        }
        log.error("ERROR __call__ error with {} {}", method, path, error);
        return answer(500, "", false, Map.of());
    }

    /** A status with the given body, or swob's default body for it when {@code body} is empty. */
    static Mono<ServerResponse> answer(int status, String body, boolean plainText, Map<String, String> headers) {
        String text = body.isEmpty() ? SwiftStatus.defaultBody(status) : body;
        ServerResponse.BodyBuilder builder = ServerResponse.status(HttpStatusCode.valueOf(status))
                .header("Content-Type", plainText ? "text/plain" : HTML);
        headers.forEach(builder::header);
        return withText(builder, text);
    }

    /**
     * The text as the body, its bytes and length exactly; written as a buffer so that no encoder
     * adds a charset to a {@code text/plain} Swift sends bare.
     */
    static Mono<ServerResponse> withText(ServerResponse.BodyBuilder builder, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        builder.header("Content-Length", String.valueOf(bytes.length));
        if (bytes.length == 0) {
            return builder.build();
        }
        return builder.body(BodyInserters.fromDataBuffers(
                Mono.fromSupplier(() -> DefaultDataBufferFactory.sharedInstance.wrap(bytes))));
    }
}
