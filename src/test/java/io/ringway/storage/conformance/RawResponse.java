package io.ringway.storage.conformance;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One response as read off the socket.
 *
 * @param status the final status, or {@link #NO_RESPONSE} when the request was sent with
 *     {@link RawRequest#abortAfterBody()} and no response was read
 * @param reason the reason phrase of the status line
 * @param headers the final response's headers
 * @param body the body bytes (de-chunked)
 * @param interim the statuses of interim (1xx) responses received before the final one
 */
record RawResponse(int status, String reason, RawHeaders headers, byte[] body, List<Integer> interim) {

    /** The status of a request whose connection the client closed without reading an answer. */
    static final int NO_RESPONSE = -1;

    static RawResponse none() {
        return new RawResponse(NO_RESPONSE, "(client aborted)", new RawHeaders(), new byte[0], List.of());
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
