package io.ringway.storage.db;

import io.ringway.swift.SwiftRules;
import io.ringway.swift.Timestamp;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.web.reactive.function.server.ServerRequest;

/** Request checks the account and container servers share, with Swift's answers. */
public final class SwiftRequests {

    /** Swift's {@code TRUE_VALUES}. */
    private static final Set<String> TRUE_VALUES = Set.of("true", "1", "yes", "on", "t", "y");

    private SwiftRequests() {
    }

    /**
     * Swift's {@code valid_timestamp}.
     *
     * @throws BackendHttpException 400 {@code Missing X-Timestamp header} or {@code Invalid X-Timestamp header}
     */
    public static Timestamp validTimestamp(ServerRequest request) {
        String value = request.headers().firstHeader("X-Timestamp");
        if (value == null) {
            throw BackendHttpException.plain(400, "Missing X-Timestamp header");
        }
        try {
            return Timestamp.parse(value);
        } catch (IllegalArgumentException e) {
            throw BackendHttpException.plain(400, "Invalid X-Timestamp header");
        }
    }

    /**
     * Swift's {@code check_utf8(path, internal=True)} in the servers' {@code __call__}.
     *
     * @throws BackendHttpException 412 {@code Invalid UTF8 or contains NULL}
     */
    public static void checkPathUtf8(String rawPath) {
        if (SwiftRules.decodeUtf8(QueryParams.unquotePath(rawPath)) == null) {
            throw new BackendHttpException(412, "Invalid UTF8 or contains NULL");
        }
    }

    /** Swift's {@code config_true_value}. */
    public static boolean isTrue(@Nullable String value) {
        return value != null && TRUE_VALUES.contains(value.toLowerCase(Locale.ROOT));
    }

    /**
     * Swift's {@code constrain_req_limit}: a limit that is not all digits is ignored.
     *
     * @throws BackendHttpException 412 {@code Maximum limit is N} above {@code max}
     */
    public static int limit(QueryParams params, int max) {
        String given = params.get("limit");
        if (given == null || given.isEmpty() || !given.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return max;
        }
        if (given.length() > 9 || Integer.parseInt(given) > max) {
            throw new BackendHttpException(412, "Maximum limit is " + max);
        }
        return Integer.parseInt(given);
    }

    /** A header, or {@code fallback} when absent. */
    public static String header(ServerRequest request, String name, String fallback) {
        String value = request.headers().firstHeader(name);
        return value == null ? fallback : value;
    }
}
