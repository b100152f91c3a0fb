package io.ringway.backend;

/**
 * A body could not be streamed completely: a GET broke and no node could resume it, or a PUT
 * lost its quorum mid-body. The response has usually started, so the API layer aborts the client
 * connection rather than send a wrong body.
 */
public final class BackendBodyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BackendBodyException(String message) {
        super(message);
    }
}
