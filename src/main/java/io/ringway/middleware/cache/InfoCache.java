package io.ringway.middleware.cache;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.ringway.backend.AccountInfo;
import io.ringway.backend.ContainerInfo;
import io.ringway.backend.InfoSource;
import java.time.Duration;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Account and container info for the gateway's stages, as Swift's {@code get_account_info} and
 * {@code get_container_info} with memcache: looked up once from an {@link InfoSource} (the
 * storage nodes) and kept in memory. Existing accounts and containers are kept for
 * {@code recheck_account_existence} / {@code recheck_container_existence}, 404s and 410s for a
 * tenth of that, and other answers (503: nobody answered) not at all, as Swift's
 * {@code set_info_cache}. Concurrent misses for one account or container share one backend
 * lookup. A container of an account that does not exist is not asked for: its info has status 0
 * (Swift's answer), and is not kept. Writes that change an account or container call
 * {@link #invalidate} (Swift's {@code clear_info_cache}).
 *
 * <p>Unlike memcache, the cache is this gateway's own: another proxy's writes are seen only after
 * the recheck time, as they are with Swift's per-request {@code swift.infocache}.
 */
public final class InfoCache implements InfoSource {

    /** Swift's {@code auto_create_account_prefix}: such accounts are assumed to exist. */
    private static final String AUTO_CREATE_PREFIX = ".";

    private final InfoSource source;
    private final AsyncCache<Key, Object> cache;

    /** @param ticker the clock of expiry ({@link Ticker#systemTicker()}; a fake one in tests) */
    public InfoCache(InfoSource source, CacheConfig config, Ticker ticker) {
        this.source = requireNonNull(source, "source");
        requireNonNull(config, "config");
        this.cache = Caffeine.newBuilder()
                .ticker(requireNonNull(ticker, "ticker"))
                .maximumSize(config.maximumSize())
                .expireAfter(new Recheck(config))
                // Maintenance is quick and never blocks: done by the caller, not a pool thread.
                .executor(Runnable::run)
                .buildAsync();
    }

    @Override
    public Mono<AccountInfo> account(String account) {
        return lookup(new Key(account, null), () -> source.account(account))
                .cast(AccountInfo.class);
    }

    @Override
    public Mono<ContainerInfo> container(String account, String container) {
        if (account.startsWith(AUTO_CREATE_PREFIX)) {
            return containerOnly(account, container);
        }
        // As Swift: before the container, make sure its account exists.
        return account(account)
                .flatMap(info -> info.exists()
                        ? containerOnly(account, container)
                        : Mono.just(ContainerInfo.missing(0)));
    }

    /** Forgets the account's info (Swift's {@code clear_info_cache(account)}); its containers' stay. */
    public void invalidate(String account) {
        cache.synchronous().invalidate(new Key(account, null));
    }

    /** Forgets the container's info. */
    public void invalidate(String account, String container) {
        cache.synchronous().invalidate(new Key(account, container));
    }

    private Mono<ContainerInfo> containerOnly(String account, String container) {
        return lookup(new Key(account, container), () -> source.container(account, container))
                .cast(ContainerInfo.class);
    }

    /** The cached info, or the one {@code load} gives; the lookup is made only on a miss. */
    private Mono<Object> lookup(Key key, Supplier<Mono<?>> load) {
        return Mono.defer(() -> Mono.fromFuture(
                cache.get(key, (k, executor) -> load.get().<Object>map(info -> info).toFuture()),
                // One caller cancelling must not cancel the lookup the others wait for.
                true));
    }

    private record Key(String account, @Nullable String container) {
    }

    /** Swift's cache times: the recheck time for 2xx, a tenth of it for 404 and 410, else nothing. */
    private static final class Recheck implements Expiry<Key, Object> {

        private final CacheConfig config;

        Recheck(CacheConfig config) {
            this.config = config;
        }

        @Override
        public long expireAfterCreate(Key key, Object info, long currentTime) {
            int status = info instanceof AccountInfo a ? a.status() : ((ContainerInfo) info).status();
            Duration recheck = key.container() == null
                    ? config.recheckAccountExistence()
                    : config.recheckContainerExistence();
            if (status == 404 || status == 410) {
                return recheck.toNanos() / 10;
            }
            return status >= 200 && status < 300 ? recheck.toNanos() : 0;
        }

        @Override
        public long expireAfterUpdate(Key key, Object info, long currentTime, long currentDuration) {
            return expireAfterCreate(key, info, currentTime);
        }

        @Override
        public long expireAfterRead(Key key, Object info, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
