package io.ringway.storage.container;

import io.ringway.storage.db.BackendHttpException;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.web.reactive.function.server.ServerRequest;

/** Swift's {@code get_and_validate_policy_index} for {@code X-Backend-Storage-Policy-Index}. */
final class PolicyIndexHeader {

    static final String NAME = "X-Backend-Storage-Policy-Index";

    private PolicyIndexHeader() {
    }

    /**
     * The requested index, {@code null} when absent.
     *
     * @throws BackendHttpException 400 {@code Invalid X-Backend-Storage-Policy-Index ...} for an
     *     index that is not a number or not a policy
     */
    static @Nullable Integer read(ServerRequest request, Set<Integer> policies) {
        String value = request.headers().firstHeader(NAME);
        if (value == null) {
            return null;
        }
        int index;
        try {
            index = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            // Python's %r of the header string.
            throw BackendHttpException.plain(400, "Invalid " + NAME + " '" + value + "'");
        }
        if (!policies.contains(index)) {
            throw BackendHttpException.plain(400, "Invalid " + NAME + " " + index);
        }
        return index;
    }
}
