package io.ringway.storage.object;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * Swift's {@code swift.common.constraints} for objects: {@code check_metadata},
 * {@code check_object_creation}, {@code check_delete_headers} and {@code valid_timestamp}, with
 * Swift's limits and its 400 messages word for word. Header values are the bytes the client
 * sent, read as ISO-8859-1, so lengths are byte counts as in Swift's WSGI strings.
 */
final class ObjectConstraints {

    static final long MAX_FILE_SIZE = 5_368_709_122L;
    static final int MAX_OBJECT_NAME_LENGTH = 1024;

    private ObjectConstraints() {
    }

    /** {@code valid_timestamp}: the request's {@code X-Timestamp}, or 400. */
    static io.ringway.swift.Timestamp timestamp(HttpHeaders headers) {
        String value = headers.getFirst("X-Timestamp");
        if (value == null) {
            throw ObjectRequestException.plain(400, "Missing X-Timestamp header");
        }
        io.ringway.swift.Timestamp timestamp = io.ringway.swift.Timestamp.parseOrNull(value);
        if (timestamp == null) {
            throw ObjectRequestException.plain(400, "Invalid X-Timestamp header");
        }
        return timestamp;
    }

    /**
     * {@code check_object_creation} for a PUT: length, name, content type, delete headers and
     * metadata. Returns the {@code X-Delete-At} to store (from {@code X-Delete-After} when given),
     * or {@code null}.
     */
    static @Nullable String checkObjectCreation(HttpHeaders headers, String objectName, double now) {
        Long length = messageLength(headers);
        if (length != null && length > MAX_FILE_SIZE) {
            throw ObjectRequestException.plain(413, "Your request is too large.");
        }
        if (length == null && !isChunked(headers)) {
            throw ObjectRequestException.plain(411, "Missing Content-Length header.");
        }
        int nameLength = objectName.getBytes(StandardCharsets.UTF_8).length;
        if (nameLength > MAX_OBJECT_NAME_LENGTH) {
            throw ObjectRequestException.plain(400,
                    "Object name length of " + nameLength + " longer than " + MAX_OBJECT_NAME_LENGTH);
        }
        // eventlet's WSGI server always sets CONTENT_TYPE (empty when absent), so a real Swift
        // object server answers a missing Content-Type as an invalid one, never "No content type".
        String contentType = headers.getFirst("Content-Type");
        String deleteAt = checkDeleteHeaders(headers, now);
        if (contentType == null || !isUtf8(contentType)) {
            throw ObjectRequestException.plain(400, "Invalid Content-Type");
        }
        checkMetadata(headers);
        return deleteAt;
    }

    /**
     * {@code check_delete_headers}: {@code X-Delete-After} becomes an {@code X-Delete-At}; either
     * must be an integer later than the request. Returns the normalized {@code X-Delete-At} or null.
     */
    static @Nullable String checkDeleteHeaders(HttpHeaders headers, double now) {
        try {
            return io.ringway.swift.SwiftChecks.deleteAt(headers::getFirst, now);
        } catch (io.ringway.swift.SwiftChecks.Rejected e) {
            throw ObjectRequestException.plain(e.status(), e.body());
        }
    }

    /** {@code check_metadata(req, 'object')}: every header value, then each {@code X-Object-Meta-*}. */
    static void checkMetadata(HttpHeaders headers) {
        try {
            io.ringway.swift.SwiftChecks.metadata(headers.headerSet(), "object",
                    io.ringway.swift.SwiftChecks.MetadataLimits.DEFAULTS);
        } catch (io.ringway.swift.SwiftChecks.Rejected e) {
            throw ObjectRequestException.plain(e.status(), e.body());
        }
    }

    /** swob's {@code message_length}: the Content-Length unless the body is chunked. */
    static @Nullable Long messageLength(HttpHeaders headers) {
        if (isChunked(headers)) {
            return null;
        }
        String length = headers.getFirst("Content-Length");
        if (length == null) {
            return null;
        }
        Long parsed = pythonInt(length);
        if (parsed == null || parsed < 0) {
            throw ObjectRequestException.plain(400, "Invalid Content-Length header value");
        }
        return parsed;
    }

    static boolean isChunked(HttpHeaders headers) {
        String encoding = headers.getFirst("Transfer-Encoding");
        if (encoding == null) {
            return false;
        }
        String[] codings = encoding.split(",");
        String last = codings[codings.length - 1].strip().toLowerCase(java.util.Locale.ROOT);
        if (!last.equals("chunked")) {
            throw ObjectRequestException.plain(501, "Invalid Transfer-Encoding header value");
        }
        return true;
    }

    static boolean isReplication(HttpHeaders headers) {
        return isTrue(headers.getFirst("X-Backend-Replication"));
    }

    /** Swift's {@code config_true_value}. */
    static boolean isTrue(@Nullable String value) {
        return io.ringway.swift.SwiftRules.isTrue(value);
    }

    /** Swift's {@code normalize_delete_at_timestamp} for an integer: ten digits, clamped. */
    static String normalizeDeleteAt(long at) {
        return io.ringway.swift.SwiftRules.normalizeDeleteAt(at);
    }

    /** Python's {@code int(text)} for decimal text: surrounding blanks, a sign, underscores between digits. */
    static @Nullable Long pythonInt(String text) {
        return io.ringway.swift.SwiftRules.pythonInt(text);
    }

    /** Swift's {@code check_utf8}: the header's bytes are non-empty valid UTF-8 without NUL. */
    static boolean isUtf8(String latin1) {
        return io.ringway.swift.SwiftRules.isUtf8(latin1);
    }
}
