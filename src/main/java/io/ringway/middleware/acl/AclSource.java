package io.ringway.middleware.acl;

import reactor.core.publisher.Mono;

/**
 * Where an auth stage reads the ACLs stored with accounts and containers: Swift's
 * {@code get_container_info} and {@code get_account_info}, which the {@code cache} stage
 * provides as a gateway service. Both answers may be empty (no such account or container, or
 * no ACL set); an auth stage then grants nothing through ACLs.
 */
public interface AclSource {

    /** A source that knows of no ACLs, used when the gateway has none. */
    AclSource NONE = new AclSource() {
        @Override
        public Mono<ContainerAcls> containerAcls(String account, String container) {
            return Mono.empty();
        }

        @Override
        public Mono<AccountAcls> accountAcls(String account) {
            return Mono.empty();
        }
    };

    /** The container's {@code X-Container-Read} and {@code X-Container-Write}; empty when it has none. */
    Mono<ContainerAcls> containerAcls(String account, String container);

    /**
     * The account's ACLs (its {@code core-access-control} sysmeta, see
     * {@link AccountAcls#fromStored}); empty when none are set.
     */
    Mono<AccountAcls> accountAcls(String account);
}
