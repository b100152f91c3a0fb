package io.ringway.storage.node;

import io.ringway.swift.SwiftStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** Responses with Swift's default bodies, as the backend servers send them. */
public final class BackendResponses {

    private static final MediaType HTML_UTF8 = MediaType.parseMediaType("text/html; charset=UTF-8");

    private BackendResponses() {
    }

    /** An answer with Swift's default body for the status (empty for those that have none). */
    public static Mono<ServerResponse> status(int status) {
        return withBody(status, SwiftStatus.defaultBody(status));
    }

    /** An answer whose body is the given text, as Swift's {@code HTTPBadRequest(body=...)}. */
    public static Mono<ServerResponse> withBody(int status, String body) {
        ServerResponse.BodyBuilder builder = ServerResponse.status(HttpStatusCode.valueOf(status));
        if (body.isEmpty()) {
            return builder.header("Content-Type", "text/html; charset=UTF-8").build();
        }
        return builder.contentType(HTML_UTF8).bodyValue(body);
    }
}
