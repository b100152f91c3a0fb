package io.ringway.middleware.gatekeeper;

import io.ringway.middleware.Middleware;
import io.ringway.middleware.MiddlewareContext;
import io.ringway.middleware.MiddlewareFactory;
import io.ringway.middleware.Placement;

/** Builds {@code gatekeeper}, which must come right after {@code catch_errors} (added there when missing). */
public final class GatekeeperFactory implements MiddlewareFactory<GatekeeperConfig> {

    @Override
    public String name() {
        return "gatekeeper";
    }

    @Override
    public Class<GatekeeperConfig> configType() {
        return GatekeeperConfig.class;
    }

    @Override
    public Placement placement() {
        return Placement.requiredAfter("catch_errors");
    }

    @Override
    public Middleware create(GatekeeperConfig config, MiddlewareContext context) {
        return new GatekeeperMiddleware(config);
    }
}
