package io.ringway.middleware.cache;

import io.ringway.backend.AccountInfo;
import io.ringway.backend.ContainerInfo;
import io.ringway.backend.InfoSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/** Infos set by the test (404 for the others), counting the lookups (subscriptions) per name. */
final class FakeInfoSource implements InfoSource {

    final Map<String, AccountInfo> accounts = new ConcurrentHashMap<>();
    final Map<String, ContainerInfo> containers = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();
    /** When set, lookups wait for it (to hold several callers in one miss). */
    volatile Mono<Void> gate = Mono.empty();

    @Override
    public Mono<AccountInfo> account(String account) {
        return Mono.defer(() -> {
            count(account);
            return gate.then(Mono.fromSupplier(() -> accounts.getOrDefault(account, AccountInfo.missing(404))));
        });
    }

    @Override
    public Mono<ContainerInfo> container(String account, String container) {
        String name = account + "/" + container;
        return Mono.defer(() -> {
            count(name);
            return gate.then(Mono.fromSupplier(() -> containers.getOrDefault(name, ContainerInfo.missing(404))));
        });
    }

    int lookups(String name) {
        AtomicInteger count = lookups.get(name);
        return count == null ? 0 : count.get();
    }

    private void count(String name) {
        lookups.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
    }
}
