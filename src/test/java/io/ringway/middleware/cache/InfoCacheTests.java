package io.ringway.middleware.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.backend.AccountInfo;
import io.ringway.backend.ContainerInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Sinks;

class InfoCacheTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final FakeInfoSource source = new FakeInfoSource();
    private final AtomicLong nanos = new AtomicLong();
    private final InfoCache cache = new InfoCache(source, CacheConfig.DEFAULTS, nanos::get);

    private static ContainerInfo container(int objects) {
        return new ContainerInfo(204, objects, 10L * objects, 1, ".r:*", "bob", null, null, Map.of("color", "blue"),
                Map.of());
    }

    private void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }

    @Test
    void answersASecondLookupFromTheCache() {
        source.accounts.put("AUTH_a", new AccountInfo(204, 2, 3, 4, Map.of(), Map.of()));

        AccountInfo first = cache.account("AUTH_a").block(TIMEOUT);
        AccountInfo second = cache.account("AUTH_a").block(TIMEOUT);

        assertThat(first.containerCount()).isEqualTo(2);
        assertThat(second).isEqualTo(first);
        assertThat(source.lookups("AUTH_a")).isEqualTo(1);
    }

    @Test
    void asksAgainAfterTheRecheckTime() {
        source.accounts.put("AUTH_a", AccountInfo.missing(204));
        source.containers.put("AUTH_a/c", container(1));
        cache.container("AUTH_a", "c").block(TIMEOUT);
        source.containers.put("AUTH_a/c", container(5));

        advance(Duration.ofSeconds(59));
        ContainerInfo cached = cache.container("AUTH_a", "c").block(TIMEOUT);
        advance(Duration.ofSeconds(2));
        ContainerInfo fresh = cache.container("AUTH_a", "c").block(TIMEOUT);

        assertThat(cached.objectCount()).isEqualTo(1);
        assertThat(fresh.objectCount()).isEqualTo(5);
        assertThat(source.lookups("AUTH_a/c")).isEqualTo(2);
    }

    @Test
    void keepsA404ForATenthOfTheRecheckTime() {
        AccountInfo first = cache.account("AUTH_gone").block(TIMEOUT);
        advance(Duration.ofSeconds(5));
        cache.account("AUTH_gone").block(TIMEOUT);
        int afterFive = source.lookups("AUTH_gone");
        advance(Duration.ofSeconds(2));
        cache.account("AUTH_gone").block(TIMEOUT);

        assertThat(first.status()).isEqualTo(404);
        assertThat(afterFive).isEqualTo(1);
        assertThat(source.lookups("AUTH_gone")).isEqualTo(2);
    }

    @Test
    void doesNotKeepAnAnswerFromNobody() {
        source.accounts.put("AUTH_a", AccountInfo.missing(503));

        cache.account("AUTH_a").block(TIMEOUT);
        AccountInfo again = cache.account("AUTH_a").block(TIMEOUT);

        assertThat(again.status()).isEqualTo(503);
        assertThat(source.lookups("AUTH_a")).isEqualTo(2);
    }

    @Test
    void invalidateMakesTheNextLookupAskAgain() {
        source.accounts.put("AUTH_a", AccountInfo.missing(204));
        source.containers.put("AUTH_a/c", container(1));
        cache.container("AUTH_a", "c").block(TIMEOUT);
        source.containers.put("AUTH_a/c", container(7));

        cache.invalidate("AUTH_a", "c");
        ContainerInfo fresh = cache.container("AUTH_a", "c").block(TIMEOUT);
        cache.invalidate("AUTH_a");
        cache.account("AUTH_a").block(TIMEOUT);

        assertThat(fresh.objectCount()).isEqualTo(7);
        assertThat(source.lookups("AUTH_a/c")).isEqualTo(2);
        assertThat(source.lookups("AUTH_a")).isEqualTo(2);
    }

    @Test
    void concurrentMissesShareOneLookup() {
        source.accounts.put("AUTH_a", AccountInfo.missing(204));
        source.containers.put("AUTH_a/c", container(3));
        cache.account("AUTH_a").block(TIMEOUT);
        Sinks.Empty<Void> gate = Sinks.empty();
        source.gate = gate.asMono();

        List<CompletableFuture<ContainerInfo>> waiting = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            waiting.add(cache.container("AUTH_a", "c").toFuture());
        }
        gate.tryEmitEmpty();
        List<ContainerInfo> infos = waiting.stream().map(CompletableFuture::join).toList();

        assertThat(infos).hasSize(8).allMatch(info -> info.objectCount() == 3);
        assertThat(source.lookups("AUTH_a/c")).isEqualTo(1);
    }

    @Test
    void oneCallerCancellingDoesNotCancelTheSharedLookup() {
        source.accounts.put("AUTH_a", AccountInfo.missing(204));
        Sinks.Empty<Void> gate = Sinks.empty();
        source.gate = gate.asMono();

        cache.account("AUTH_a").subscribe().dispose();
        var waiting = cache.account("AUTH_a").toFuture();
        gate.tryEmitEmpty();

        assertThat(waiting).succeedsWithin(TIMEOUT).extracting(AccountInfo::status).isEqualTo(204);
        assertThat(source.lookups("AUTH_a")).isEqualTo(1);
    }

    @Test
    void aContainerOfAMissingAccountIsStatusZeroWithoutAskingForIt() {
        ContainerInfo info = cache.container("AUTH_none", "c").block(TIMEOUT);

        assertThat(info.status()).isZero();
        assertThat(source.lookups("AUTH_none/c")).isZero();
    }

    @Test
    void autoCreatedAccountsAreNotAskedFor() {
        source.containers.put(".expiring_objects/c", container(1));

        ContainerInfo info = cache.container(".expiring_objects", "c").block(TIMEOUT);

        assertThat(info.status()).isEqualTo(204);
        assertThat(source.lookups(".expiring_objects")).isZero();
    }
}
