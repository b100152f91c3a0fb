package io.ringway.api.swift;

import io.ringway.api.error.GatewayException;
import io.ringway.swift.SwiftRules;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/** Swift's {@code check_delete_headers}: X-Delete-After becomes X-Delete-At; both must lie ahead. */
final class DeleteHeaders {

    private DeleteHeaders() {
    }

    static @Nullable String check(HttpHeaders headers, double now) {
        String deleteAt = headers.getFirst("X-Delete-At");
        String deleteAfter = headers.getFirst("X-Delete-After");
        if (deleteAfter != null) {
            Long after = SwiftRules.pythonInt(deleteAfter);
            if (after == null) {
                throw plain("Non-integer X-Delete-After");
            }
            deleteAt = SwiftRules.normalizeDeleteAt((long) Math.floor(now + after));
            if (Long.parseLong(deleteAt) <= now) {
                throw plain("X-Delete-After in past");
            }
        }
        if (deleteAt == null) {
            return null;
        }
        Long at = SwiftRules.pythonInt(deleteAt);
        if (at == null) {
            throw plain("Non-integer X-Delete-At");
        }
        String normalized = SwiftRules.normalizeDeleteAt(at);
        if (Long.parseLong(normalized) <= now && !SwiftRules.isTrue(headers.getFirst("X-Backend-Replication"))) {
            throw plain("X-Delete-At in past");
        }
        return normalized;
    }

    private static GatewayException plain(String body) {
        return GatewayException.plain(400, body, null);
    }
}
