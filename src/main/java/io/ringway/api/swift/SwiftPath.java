package io.ringway.api.swift;

import static java.util.Objects.requireNonNull;

import io.ringway.api.error.GatewayException;
import io.ringway.swift.PythonText;
import io.ringway.swift.SwiftRules;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A client request path {@code /<version>/<account>[/<container>[/<object>]]} split as Swift's
 * proxy does ({@code Application.handle_request} and {@code get_controller}): percent-decoded,
 * 412 {@code Invalid UTF8 or contains NULL} for bad UTF-8 or NUL, 404 when {@code split_path}
 * fails, 400 (default body) for an unknown API version, 412 {@code Bad URL} when no controller
 * fits. The object name keeps its slashes, a trailing one included.
 *
 * @param kind which controller Swift would pick
 * @param version the first segment ({@code ""} for {@code /info})
 * @param account the account ({@code ""} for {@code /info})
 * @param container the container, for container and object requests
 * @param object the object name, for object requests
 */
public record SwiftPath(Kind kind, String version, String account, @Nullable String container,
        @Nullable String object) {

    public SwiftPath {
        requireNonNull(kind, "kind");
        requireNonNull(version, "version");
        requireNonNull(account, "account");
    }

    /**
     * Splits a raw (still percent-encoded, no query) request path.
     *
     * @throws GatewayException with Swift's status and body when Swift's proxy would refuse the path
     */
    public static SwiftPath parse(String rawPath, List<String> validApiVersions) {
        byte[] bytes = PythonText.unquoteToBytes(rawPath);
        if (!SwiftRules.isUtf8(bytes)) {
            throw GatewayException.withBody(412, "Invalid UTF8 or contains NULL");
        }
        String path = new String(bytes, StandardCharsets.UTF_8);
        if (path.equals("/info")) {
            return new SwiftPath(Kind.INFO, "", "", null, null);
        }
        // split_path(path, 1, 4, True): at most five pieces, the last keeping its slashes.
        String[] segs = path.split("/", 5);
        if (!segs[0].isEmpty() || segs.length < 2 || segs[1].isEmpty()) {
            throw GatewayException.status(404);
        }
        String version = segs[1];
        String account = segs.length > 2 ? segs[2] : null;
        String container = segs.length > 3 ? segs[3] : null;
        String object = segs.length > 4 ? segs[4] : null;
        if (isSet(account) && !validApiVersions.contains(version)) {
            throw GatewayException.status(400);
        }
        if (isSet(account) && isSet(container) && isSet(object)) {
            return new SwiftPath(Kind.OBJECT, version, account, container, object);
        }
        if (isSet(account) && isSet(container)) {
            return new SwiftPath(Kind.CONTAINER, version, account, container, null);
        }
        // Python's truthiness: "/v1/a/" is an account request, "/v1/a/c/" a container one.
        if (isSet(account) && !isSet(container) && !isSet(object)) {
            return new SwiftPath(Kind.ACCOUNT, version, account, null, null);
        }
        throw GatewayException.withBody(412, "Bad URL");
    }

    private static boolean isSet(@Nullable String segment) {
        return segment != null && !segment.isEmpty();
    }

    /** The controller Swift's proxy picks for a path. */
    public enum Kind {
        /** {@code /info}, Swift's capabilities. */
        INFO,
        /** {@code /v1/a}. */
        ACCOUNT,
        /** {@code /v1/a/c}. */
        CONTAINER,
        /** {@code /v1/a/c/o}. */
        OBJECT
    }
}
