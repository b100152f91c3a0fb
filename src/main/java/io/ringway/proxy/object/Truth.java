package io.ringway.proxy.object;

import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Swift's {@code config_true_value} for header values. */
final class Truth {

    private static final Set<String> TRUE_VALUES = Set.of("true", "1", "yes", "on", "t", "y");

    private Truth() {
    }

    static boolean isTrue(@Nullable String value) {
        return value != null && TRUE_VALUES.contains(value.strip().toLowerCase(Locale.ROOT));
    }
}
