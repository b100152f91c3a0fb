package io.ringway.middleware.copy;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A raw query string as the list of its {@code name=value} pieces, for the few parameters copy
 * looks at or changes ({@code multipart-manifest}, {@code format}, {@code version-id}); the
 * others pass as the client wrote them.
 */
final class Query {

    private final List<String> pieces;

    private Query(List<String> pieces) {
        this.pieces = pieces;
    }

    static Query parse(@Nullable String raw) {
        List<String> pieces = new ArrayList<>();
        if (raw != null && !raw.isEmpty()) {
            for (String piece : raw.split("&")) {
                if (!piece.isEmpty()) {
                    pieces.add(piece);
                }
            }
        }
        return new Query(pieces);
    }

    /** The last value of a parameter, decoded, as Swift's {@code req.params} gives it; null when absent. */
    @Nullable String get(String name) {
        String value = null;
        for (String piece : pieces) {
            if (name(piece).equals(name)) {
                int eq = piece.indexOf('=');
                value = eq < 0 ? "" : CopyPaths.unquote(piece.substring(eq + 1).replace('+', ' '));
            }
        }
        return value;
    }

    /** The same with the parameter set to one value (replacing any). */
    Query with(String name, String value) {
        Query changed = without(name);
        changed.pieces.add(name + "=" + CopyPaths.quote(value));
        return changed;
    }

    /** The same without the parameter. */
    Query without(String name) {
        List<String> kept = new ArrayList<>();
        for (String piece : pieces) {
            if (!name(piece).equals(name)) {
                kept.add(piece);
            }
        }
        return new Query(kept);
    }

    /** The raw query string, or null when empty. */
    @Nullable String raw() {
        return pieces.isEmpty() ? null : String.join("&", pieces);
    }

    private static String name(String piece) {
        int eq = piece.indexOf('=');
        return CopyPaths.unquote((eq < 0 ? piece : piece.substring(0, eq)).replace('+', ' '));
    }
}
