package io.ringway.middleware.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.backend.AccountInfo;
import io.ringway.backend.ContainerInfo;
import io.ringway.middleware.acl.AccountAcls;
import io.ringway.middleware.acl.ContainerAcls;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InfoCacheAclSourceTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final FakeInfoSource source = new FakeInfoSource();
    private final InfoCacheAclSource acls = new InfoCacheAclSource(
            new InfoCache(source, CacheConfig.DEFAULTS, () -> 0L));

    private static ContainerInfo container(int status, String read, String write) {
        return new ContainerInfo(status, 0, 0, 0, read, write, null, null, Map.of(), Map.of());
    }

    @Test
    void containerAclsAreTheContainersReadAndWriteAcls() {
        source.accounts.put("AUTH_a", AccountInfo.missing(204));
        source.containers.put("AUTH_a/c", container(204, ".r:*,.rlistings", "AUTH_b:bob"));

        ContainerAcls found = acls.containerAcls("AUTH_a", "c").block(TIMEOUT);

        assertThat(found).isEqualTo(new ContainerAcls(".r:*,.rlistings", "AUTH_b:bob"));
    }

    @Test
    void aContainerWithoutAclsOrThatIsMissingGrantsNothing() {
        source.accounts.put("AUTH_a", AccountInfo.missing(204));
        source.containers.put("AUTH_a/plain", container(204, null, null));

        assertThat(acls.containerAcls("AUTH_a", "plain").block(TIMEOUT)).isNull();
        assertThat(acls.containerAcls("AUTH_a", "missing").block(TIMEOUT)).isNull();
        assertThat(acls.containerAcls("AUTH_none", "c").block(TIMEOUT)).isNull();
    }

    @Test
    void accountAclsComeFromTheCoreAccessControlSysmeta() {
        source.accounts.put("AUTH_a", new AccountInfo(204, 0, 0, 0, Map.of(),
                Map.of("core-access-control", "{\"admin\":[\"alice\"],\"read-only\":[\"carol:c\"]}")));

        AccountAcls found = acls.accountAcls("AUTH_a").block(TIMEOUT);

        assertThat(found).isEqualTo(new AccountAcls(List.of("alice"), List.of(), List.of("carol:c")));
    }

    @Test
    void anAccountWithoutOrWithBrokenAclsGrantsNothing() {
        source.accounts.put("AUTH_plain", AccountInfo.missing(204));
        source.accounts.put("AUTH_broken", new AccountInfo(204, 0, 0, 0, Map.of(),
                Map.of("core-access-control", "not json")));

        assertThat(acls.accountAcls("AUTH_plain").block(TIMEOUT)).isNull();
        assertThat(acls.accountAcls("AUTH_broken").block(TIMEOUT)).isNull();
        assertThat(acls.accountAcls("AUTH_missing").block(TIMEOUT)).isNull();
    }
}
