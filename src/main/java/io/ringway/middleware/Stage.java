package io.ringway.middleware;

import static java.util.Objects.requireNonNull;

/**
 * One running stage of the pipeline: its name, the configuration it was built with and the
 * middleware itself.
 *
 * @param name Swift's name, as in {@code ringway.pipeline}
 * @param config the bound configuration record (its {@code toString()} is logged at start)
 * @param middleware the stage
 */
public record Stage(String name, Object config, Middleware middleware) {

    public Stage {
        requireNonNull(name, "name");
        requireNonNull(config, "config");
        requireNonNull(middleware, "middleware");
    }

    @Override
    public String toString() {
        return name + " " + config;
    }
}
