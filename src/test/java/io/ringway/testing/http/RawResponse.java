package io.ringway.testing.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

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
public record RawResponse(int status, String reason, RawHeaders headers, byte[] body, List<Integer> interim) {

    /** The status of a request whose connection the client closed without reading an answer. */
    public static final int NO_RESPONSE = -1;

    public RawResponse {
        interim = List.copyOf(interim);
    }

    static RawResponse none() {
        return new RawResponse(NO_RESPONSE, "(client aborted)", new RawHeaders(), new byte[0], List.of());
    }

    /** The body as UTF-8 text. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The first value of a header (any case), or null when absent. */
    public @Nullable String header(String name) {
        return headers.first(name);
    }

    /** Every header with a lower-case name and its values joined by {@code ", "}, sorted by name. */
    public Map<String, String> headerMap() {
        Map<String, String> map = new TreeMap<>();
        headers.names().forEach(n -> map.put(n.toLowerCase(Locale.ROOT), String.join(", ", headers.all(n))));
        return map;
    }

    RawResponse withInterim(List<Integer> statuses) {
        return new RawResponse(status, reason, headers, body, statuses);
    }
}
