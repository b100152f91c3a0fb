package io.ringway.backend;

import reactor.core.publisher.Mono;

/**
 * Where account and container info comes from: the storage nodes ({@link InfoFetcher}), or a
 * cache in front of them. Every lookup gives one info, never empty: failures are statuses.
 */
public interface InfoSource {

    /** The account's info. */
    Mono<AccountInfo> account(String account);

    /** The container's info. */
    Mono<ContainerInfo> container(String account, String container);
}
