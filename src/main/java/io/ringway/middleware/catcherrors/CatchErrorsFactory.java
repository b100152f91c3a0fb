package io.ringway.middleware.catcherrors;

import static java.util.Objects.requireNonNull;

import io.ringway.middleware.Middleware;
import io.ringway.middleware.MiddlewareContext;
import io.ringway.middleware.MiddlewareFactory;
import io.ringway.middleware.Placement;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/** Builds {@code catch_errors}, which must be first (added there when the pipeline lacks it). */
public final class CatchErrorsFactory implements MiddlewareFactory<CatchErrorsConfig> {

    private final Clock clock;
    private final Supplier<UUID> uuids;

    /** Real time and random version 4 UUIDs, as Swift's {@code uuid4()}. */
    public CatchErrorsFactory() {
        this(Clock.systemUTC(), CatchErrorsFactory::randomUuid4);
    }

    /**
     * A version 4 UUID from {@link ThreadLocalRandom}: {@code UUID.randomUUID()} draws from
     * {@code SecureRandom}, which reads {@code /dev/urandom} on the event loop (a blocking call);
     * a transaction id needs uniqueness, not secrecy.
     */
    static UUID randomUuid4() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xf000L) | 0x4000L;
        long least = (random.nextLong() & ~(0xcL << 60)) | (0x8L << 60);
        return new UUID(most, least);
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
        return new CatchErrorsMiddleware(config, new TransactionIds(clock, uuids), clock);
    }
}
