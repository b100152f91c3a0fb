package io.ringway.middleware;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Builds one kind of stage, registered under its Swift name like a paste entry point
 * ({@code egg:swift#catch_errors}). Built-in factories are Spring beans; third-party ones are
 * listed in {@code META-INF/services/io.ringway.middleware.MiddlewareFactory} and need a public
 * no-argument constructor.
 *
 * @param <C> the stage's configuration: a record bound from {@code ringway.middleware.<name>}
 *     (with {@code @DefaultValue}s so that an absent section gives the defaults)
 */
public interface MiddlewareFactory<C> {

    /** Swift's name of the stage, as written in the pipeline: {@code catch_errors}, {@code tempauth}. */
    String name();

    /** The configuration record type, bound from {@code ringway.middleware.<name>}. */
    Class<C> configType();

    /** Where the stage must sit, checked at start like Swift's {@code required_filters}. */
    default Placement placement() {
        return Placement.ANYWHERE;
    }

    /** Builds the stage. */
    Middleware create(C config, MiddlewareContext context);

    /**
     * The stage's section of {@code GET /info} (Swift's {@code register_swift_info}), or
     * {@code null} when it registers none.
     */
    default @Nullable Map<String, Object> info(C config) {
        return null;
    }
}
