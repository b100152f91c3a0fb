package io.ringway.api.swift;

import static java.util.Objects.requireNonNull;

import io.ringway.api.error.GatewayException;
import io.ringway.policy.SwiftConstraints;
import io.ringway.swift.SwiftChecks;
import io.ringway.swift.SwiftRules;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * The proxy's client-facing checks from Swift's {@code swift/common/constraints.py} and its
 * controllers, with the limits of {@code [swift-constraints]} and Swift's statuses and bodies
 * word for word. Each check throws a {@link GatewayException} carrying Swift's answer. Header
 * values are the bytes the client sent read as ISO-8859-1, so lengths are byte counts as in
 * Swift's WSGI strings; names are lengths of their UTF-8 bytes for the same reason.
 */
public final class EdgeConstraints {

    private final SwiftConstraints limits;
    private final SwiftChecks.MetadataLimits metadataLimits;

    public EdgeConstraints(SwiftConstraints limits) {
        this.limits = requireNonNull(limits, "limits");
        this.metadataLimits = new SwiftChecks.MetadataLimits(limits.maxHeaderSize(), limits.maxMetaNameLength(),
                limits.maxMetaValueLength(), limits.maxMetaCount(), limits.maxMetaOverallSize());
    }

    /** The limits in force. */
    public SwiftConstraints limits() {
        return limits;
    }

    /**
     * The account controller's name check: 400 {@code Account name length of N longer than M},
     * the limit doubled for auto-created accounts as in {@code get_name_length_limit}.
     */
    public void checkAccountName(String account) {
        int limit = limits.maxAccountNameLength() * multiplier(account);
        int length = utf8Length(account);
        if (length > limit) {
            throw GatewayException.withBody(400, "Account name length of " + length + " longer than " + limit);
        }
    }

    /** The container controller's PUT check: 400 {@code Container name length of N longer than M}. */
    public void checkContainerName(String account, String container) {
        int limit = limits.maxContainerNameLength() * multiplier(account);
        int length = utf8Length(container);
        if (length > limit) {
            throw GatewayException.withBody(400, "Container name length of " + length + " longer than " + limit);
        }
    }

    /** {@code check_object_creation}'s name check: 400 {@code Object name length of N longer than M}. */
    public void checkObjectName(String object) {
        int length = utf8Length(object);
        if (length > limits.maxObjectNameLength()) {
            throw GatewayException.plain(400,
                    "Object name length of " + length + " longer than " + limits.maxObjectNameLength(), null);
        }
    }

    /**
     * {@code check_metadata(req, target)}: every header value's length, then each
     * {@code X-<Target>-Meta-*} header's name, value, the count and the overall size; accounts and
     * containers also need UTF-8 names and values.
     */
    public void checkMetadata(HttpHeaders headers, Target target) {
        try {
            SwiftChecks.metadata(headers.headerSet(), target.name().toLowerCase(Locale.ROOT), metadataLimits);
        } catch (SwiftChecks.Rejected e) {
            throw GatewayException.plain(e.status(), e.body(), null);
        }
    }

    /**
     * {@code check_object_creation}: length and transfer coding, name, content type, delete
     * headers, then metadata. Returns the {@code X-Delete-At} to store, or {@code null}. Swift's
     * object controller fills a missing Content-Type (guessed from the name, else
     * {@code application/octet-stream}) before this check, so the caller does that first.
     *
     * @param now the request's timestamp in seconds ({@code valid_timestamp})
     */
    public @Nullable String checkObjectCreation(HttpHeaders headers, String objectName, double now) {
        Long length = BodyLength.messageLength(headers);
        if (length != null && length > limits.maxFileSize()) {
            throw GatewayException.plain(413, "Your request is too large.", null);
        }
        // Swift compares the raw header with 'chunked' here, not message_length's parsed value.
        if (BodyLength.contentLength(headers) == null && !"chunked".equals(headers.getFirst("Transfer-Encoding"))) {
            throw GatewayException.plain(411, "Missing Content-Length header.", null);
        }
        checkObjectName(objectName);
        String contentType = headers.getFirst("Content-Type");
        if (contentType == null) {
            throw plain("No content type");
        }
        String deleteAt = checkDeleteHeaders(headers, now);
        if (!SwiftRules.isUtf8(contentType)) {
            throw plain("Invalid Content-Type");
        }
        checkMetadata(headers, Target.OBJECT);
        return deleteAt;
    }

    /**
     * The object controller's {@code check_content_type}, run right after
     * {@link #checkObjectCreation}: 400 when a Content-Type parameter starts with {@code swift_}
     * (Swift keeps those for itself, e.g. {@code swift_bytes}).
     */
    public void checkContentType(HttpHeaders headers) {
        String contentType = headers.getFirst("Content-Type");
        if (contentType == null || contentType.indexOf(';') < 0) {
            return;
        }
        String[] parts = contentType.split(";", -1);
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].stripLeading().startsWith("swift_")) {
                throw GatewayException.withBody(400, "Invalid Content-Type, swift_* is not a valid parameter name.");
            }
        }
    }

    /**
     * {@code check_delete_headers}: the normalized {@code X-Delete-At} (from {@code X-Delete-After}
     * when given), or {@code null}; 400 when not an integer or not in the future.
     */
    public @Nullable String checkDeleteHeaders(HttpHeaders headers, double now) {
        try {
            return SwiftChecks.deleteAt(headers::getFirst, now);
        } catch (SwiftChecks.Rejected e) {
            throw GatewayException.plain(e.status(), e.body(), null);
        }
    }

    /** {@code constrain_req_limit} for a container listing: the limit to use, 412 when over. */
    public int containerListingLimit(@Nullable String limit) {
        return listingLimit(limit, limits.containerListingLimit());
    }

    /** {@code constrain_req_limit} for an account listing: the limit to use, 412 when over. */
    public int accountListingLimit(@Nullable String limit) {
        return listingLimit(limit, limits.accountListingLimit());
    }

    /** {@code check_account_format}: 412 when empty or with a slash (e.g. {@code X-Copy-From-Account}). */
    public static String checkAccountFormat(@Nullable String name) {
        return checkNameFormat(name, "Account");
    }

    /** {@code check_container_format}: 412 when empty or with a slash (e.g. {@code X-Versions-Location}). */
    public static String checkContainerFormat(@Nullable String name) {
        return checkNameFormat(name, "Container");
    }

    private static String checkNameFormat(@Nullable String name, String target) {
        if (name == null || name.isEmpty()) {
            throw GatewayException.withBody(412, target + " name cannot be empty");
        }
        if (name.indexOf('/') >= 0) {
            throw GatewayException.withBody(412, target + " name cannot contain slashes");
        }
        return name;
    }

    private static int listingLimit(@Nullable String given, int max) {
        // Python's str.isdigit(): only a plain run of digits counts; anything else means the maximum.
        if (given == null || given.isEmpty() || !given.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return max;
        }
        if (given.length() > 10 || Long.parseLong(given) > max) {
            throw GatewayException.withBody(412, "Maximum limit is " + max);
        }
        return Integer.parseInt(given);
    }

    private int multiplier(String account) {
        return account.startsWith(limits.autoCreateAccountPrefix()) ? 2 : 1;
    }

    private static int utf8Length(String name) {
        return name.getBytes(StandardCharsets.UTF_8).length;
    }

    private static GatewayException plain(String body) {
        return GatewayException.plain(400, body, null);
    }

    /** The kinds of metadata {@code check_metadata} knows. */
    public enum Target {
        /** {@code X-Account-Meta-*}. */
        ACCOUNT,
        /** {@code X-Container-Meta-*}. */
        CONTAINER,
        /** {@code X-Object-Meta-*}. */
        OBJECT
    }
}
