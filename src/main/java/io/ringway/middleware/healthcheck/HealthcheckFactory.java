package io.ringway.middleware.healthcheck;

import io.ringway.middleware.Middleware;
import io.ringway.middleware.MiddlewareContext;
import io.ringway.middleware.MiddlewareFactory;

/** Builds {@code healthcheck}; it may sit anywhere, usually right after {@code gatekeeper}. */
public final class HealthcheckFactory implements MiddlewareFactory<HealthcheckConfig> {

    @Override
    public String name() {
        return "healthcheck";
    }

    @Override
    public Class<HealthcheckConfig> configType() {
        return HealthcheckConfig.class;
    }

    @Override
    public Middleware create(HealthcheckConfig config, MiddlewareContext context) {
        return new HealthcheckMiddleware(config);
    }
}
