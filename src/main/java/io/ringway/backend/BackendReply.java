package io.ringway.backend;

import static java.util.Objects.requireNonNull;

import org.springframework.http.HttpHeaders;

/**
 * The answer Swift's {@code best_response} picks from several storage nodes' answers to a request
 * without a streamed body (PUT, POST, DELETE of accounts and containers; POST and DELETE of
 * objects).
 *
 * @param status the status for the client (503 when no class of answers had a quorum)
 * @param headers the chosen node's headers (none for a 503 made up here)
 * @param body the chosen node's (small) body
 */
public record BackendReply(int status, HttpHeaders headers, byte[] body) {

    public BackendReply {
        requireNonNull(headers, "headers");
        requireNonNull(body, "body");
    }

    static BackendReply unavailable() {
        return new BackendReply(503, new HttpHeaders(), new byte[0]);
    }
}
