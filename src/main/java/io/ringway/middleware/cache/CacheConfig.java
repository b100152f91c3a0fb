package io.ringway.middleware.cache;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * {@code ringway.middleware.cache}. Bare numbers are seconds, as in Swift's proxy-server.conf.
 *
 * @param recheckAccountExistence how long an account's info is used before the account is asked
 *     again (Swift's {@code recheck_account_existence}); a 404 is kept a tenth of it, as in Swift
 * @param recheckContainerExistence the same for containers (Swift's {@code recheck_container_existence})
 * @param maximumSize how many accounts and containers are kept in all; the least used go first
 */
public record CacheConfig(
        @DefaultValue("60s") @DurationUnit(ChronoUnit.SECONDS) Duration recheckAccountExistence,
        @DefaultValue("60s") @DurationUnit(ChronoUnit.SECONDS) Duration recheckContainerExistence,
        @DefaultValue("100000") long maximumSize) {

    /** Swift's defaults. */
    public static final CacheConfig DEFAULTS = new CacheConfig(Duration.ofSeconds(60), Duration.ofSeconds(60),
            100_000);

    public CacheConfig {
        if (recheckAccountExistence.isNegative() || recheckContainerExistence.isNegative()) {
            throw new IllegalArgumentException("recheck_account_existence: " + recheckAccountExistence
                    + ", recheck_container_existence: " + recheckContainerExistence + " (expected: >= 0)");
        }
        if (maximumSize < 0) {
            throw new IllegalArgumentException("maximumSize: " + maximumSize + " (expected: >= 0)");
        }
    }
}
