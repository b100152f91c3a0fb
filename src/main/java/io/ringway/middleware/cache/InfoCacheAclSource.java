package io.ringway.middleware.cache;

import static java.util.Objects.requireNonNull;

import io.ringway.middleware.acl.AccountAcls;
import io.ringway.middleware.acl.AclSource;
import io.ringway.middleware.acl.ContainerAcls;
import reactor.core.publisher.Mono;

/**
 * The ACLs tempauth reads, from the {@link InfoCache}: a container's {@code read_acl} and
 * {@code write_acl}, and the account's {@code X-Account-Sysmeta-Core-Access-Control}, as Swift's
 * tempauth reads them from {@code get_container_info} and {@code get_account_info}. Accounts and
 * containers that do not exist, or could not be looked up, grant nothing.
 */
public final class InfoCacheAclSource implements AclSource {

    /** The sysmeta key (lower case, without {@code X-Account-Sysmeta-}) of account ACLs. */
    static final String ACCOUNT_ACL_SYSMETA = "core-access-control";

    private final InfoCache cache;

    public InfoCacheAclSource(InfoCache cache) {
        this.cache = requireNonNull(cache, "cache");
    }

    @Override
    public Mono<ContainerAcls> containerAcls(String account, String container) {
        return cache.container(account, container)
                .filter(info -> info.exists() && (info.readAcl() != null || info.writeAcl() != null))
                .map(info -> new ContainerAcls(info.readAcl(), info.writeAcl()));
    }

    @Override
    public Mono<AccountAcls> accountAcls(String account) {
        return cache.account(account)
                .filter(info -> info.exists())
                .mapNotNull(info -> AccountAcls.fromStored(info.sysmeta().get(ACCOUNT_ACL_SYSMETA)));
    }
}
