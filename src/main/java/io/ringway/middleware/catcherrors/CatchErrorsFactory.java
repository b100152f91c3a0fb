package io.ringway.middleware.catcherrors;

import static java.util.Objects.requireNonNull;

import io.ringway.middleware.Middleware;
import io.ringway.middleware.MiddlewareContext;
import io.ringway.middleware.MiddlewareFactory;
import io.ringway.middleware.Placement;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

/** Builds {@code catch_errors}, which must be first (added there when the pipeline lacks it). */
public final class CatchErrorsFactory implements MiddlewareFactory<CatchErrorsConfig> {

    private final Clock clock;
    private final Supplier<UUID> uuids;

    /** Real time and random UUIDs. */
    public CatchErrorsFactory() {
        this(Clock.systemUTC(), UUID::randomUUID);
    }

    /** For tests: a fixed clock and chosen UUIDs. */
    public CatchErrorsFactory(Clock clock, Supplier<UUID> uuids) {
        this.clock = requireNonNull(clock, "clock");
        this.uuids = requireNonNull(uuids, "uuids");
    }

    @Override
    public String name() {
        return "catch_errors";
    }

    @Override
    public Class<CatchErrorsConfig> configType() {
        return CatchErrorsConfig.class;
    }

    @Override
    public Placement placement() {
        return Placement.requiredFirst();
    }

    @Override
    public Middleware create(CatchErrorsConfig config, MiddlewareContext context) {
        return new CatchErrorsMiddleware(config, new TransactionIds(clock, uuids));
    }
}
