package io.ringway.api.swift;

import io.ringway.api.error.GatewayException;
import io.ringway.swift.SwiftRules;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/** swob's {@code is_chunked}, {@code message_length} and {@code content_length} with their errors. */
final class BodyLength {

    private BodyLength() {
    }

    /** {@code message_length}: the Content-Length unless the body is chunked; 400/501 on bad headers. */
    static @Nullable Long messageLength(HttpHeaders headers) {
        if (isChunked(headers)) {
            return null;
        }
        String length = headers.getFirst("Content-Length");
        if (length == null) {
            return null;
        }
        Long parsed = SwiftRules.pythonInt(length);
        if (parsed == null) {
            throw GatewayException.plain(400, "Invalid Content-Length header value", null);
        }
        return parsed;
    }

    /** {@code req.content_length}: null when absent or when the body is chunked. */
    static @Nullable Long contentLength(HttpHeaders headers) {
        if (isChunked(headers)) {
            return null;
        }
        String length = headers.getFirst("Content-Length");
        return length == null ? null : SwiftRules.pythonInt(length);
    }

    /** {@code is_chunked}: one coding only (501 otherwise), and it must be chunked (400 otherwise). */
    static boolean isChunked(HttpHeaders headers) {
        String encoding = headers.getFirst("Transfer-Encoding");
        if (encoding == null || encoding.isEmpty()) {
            return false;
        }
        if (encoding.indexOf(',') >= 0) {
            throw GatewayException.plain(501, "Unsupported Transfer-Coding header value specified in "
                    + "Transfer-Encoding header", null);
        }
        if (!encoding.toLowerCase(Locale.ROOT).equals("chunked")) {
            throw GatewayException.plain(400, "Invalid Transfer-Encoding header value", null);
        }
        return true;
    }
}
