package io.ringway.proxy.object;

import static java.util.Objects.requireNonNull;

import io.ringway.api.error.GatewayException;
import io.ringway.api.swift.EdgeConstraints;
import io.ringway.swift.SwiftRules;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * What Swift's proxy checks and settles of an object PUT before any byte is stored, wherever the
 * object goes (local replicas or a federated target): {@code If-None-Match} other than {@code *}
 * is refused, a missing (or to be detected) Content-Type is guessed from the name,
 * {@code check_object_creation} and {@code check_content_type} run, and {@code X-Delete-After}
 * becomes {@code X-Delete-At}.
 */
public final class ObjectCreation {

    private final EdgeConstraints constraints;
    private final ContentTypes contentTypes;

    public ObjectCreation(EdgeConstraints constraints, ContentTypes contentTypes) {
        this.constraints = requireNonNull(constraints, "constraints");
        this.contentTypes = requireNonNull(contentTypes, "contentTypes");
    }

    /** 400 unless {@code If-None-Match} is absent or a list holding {@code *} (Swift's {@code req.if_none_match}). */
    public static void checkIfNoneMatch(HttpHeaders client) {
        String value = client.getFirst(HttpHeaders.IF_NONE_MATCH);
        if (value == null) {
            return;
        }
        for (String tag : value.split(",")) {
            if (tag.strip().equals("*")) {
                return;
            }
        }
        throw GatewayException.plain(400, "If-None-Match only supports *", null);
    }

    /**
     * Checks a PUT of {@code object} with the client's headers, at {@code now} (seconds); the
     * headers to change: {@code Content-Type} when guessed, {@code X-Delete-At} when given or
     * computed. Whoever stores the object also drops {@code X-Delete-After} and
     * {@code X-Detect-Content-Type}.
     *
     * @throws GatewayException Swift's 4xx when a check fails
     */
    public HttpHeaders check(HttpHeaders client, String object, double now) {
        HttpHeaders changes = new HttpHeaders();
        String type = contentType(client, object);
        if (type != null) {
            changes.set(HttpHeaders.CONTENT_TYPE, type);
        }
        HttpHeaders checked = new HttpHeaders();
        client.forEach(checked::addAll);
        changes.forEach(checked::put);
        String deleteAt = constraints.checkObjectCreation(checked, object, now);
        constraints.checkContentType(checked);
        if (deleteAt != null) {
            changes.set("X-Delete-At", deleteAt);
        }
        return changes;
    }

    /** Swift's {@code _update_content_type}: the type to set, or null to keep the client's. */
    private @Nullable String contentType(HttpHeaders client, String object) {
        boolean detect = SwiftRules.isTrue(client.getFirst("X-Detect-Content-Type"));
        String given = client.getFirst(HttpHeaders.CONTENT_TYPE);
        if (detect || given == null || given.isEmpty()) {
            return contentTypes.typeOrDefault("/" + object);
        }
        return null;
    }
}
