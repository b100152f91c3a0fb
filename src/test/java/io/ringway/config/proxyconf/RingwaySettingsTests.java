package io.ringway.config.proxyconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class RingwaySettingsTests {

    private static final String SAMPLE = """
            [DEFAULT]
            bind_ip = 127.0.0.2
            bind_port = 8081
            workers = 2
            swift_dir = /etc/swift

            [pipeline:main]
            pipeline = catch_errors gatekeeper healthcheck proxy-logging cache listing_formats tempauth copy proxy-logging proxy-server

            [app:proxy-server]
            use = egg:swift#proxy
            node_timeout = 3
            conn_timeout = 0.25
            recoverable_node_timeout = 1.5
            sorting_method = affinity
            read_affinity = r1z1=100, r1=200
            write_affinity = r1
            write_affinity_node_count = 2 * replicas
            allow_account_management = yes
            recheck_container_existence = 30
            client_timeout = 60

            [proxy-server:policy:1]
            sorting_method = shuffle
            write_affinity_handoff_delete_count = auto
            concurrent_gets = on

            [filter:catch_errors]
            use = egg:swift#catch_errors
            trans_id_suffix = -east

            [filter:gatekeeper]
            use = egg:swift#gatekeeper

            [filter:healthcheck]
            use = egg:swift#healthcheck
            disable_path = /etc/swift/disabled

            [filter:proxy-logging]
            use = egg:swift#proxy_logging
            access_log_headers = t

            [filter:cache]
            use = egg:swift#memcache
            memcache_servers = 127.0.0.1:11211

            [filter:listing_formats]
            use = egg:swift#listing_formats

            [filter:tempauth]
            use = egg:swift#tempauth
            reseller_prefix = AUTH, SERVICE
            SERVICE_require_group = service
            token_life = 3600
            user_admin_admin = admin .admin .reseller_admin
            user_test_tester = testing .admin http://example.com/v1/AUTH_test
            user64_dGVzdA_dXNlcg = secret

            [filter:copy]
            use = egg:swift#copy
            """;

    private final RingwaySettings settings =
            RingwaySettings.of(ProxyServerConf.from(PasteIni.parse(SAMPLE)));

    @Test
    void thePipelineNamesEachFilterByTheMiddlewareItLoads() {
        assertThat(settings.properties()).containsEntry("ringway.pipeline",
                "catch_errors,gatekeeper,healthcheck,proxy_logging,cache,listing_formats,tempauth,copy,proxy_logging");
    }

    @Test
    void proxyAppOptionsBecomeBackendAndProxySettingsWithSwiftsSecondsInMilliseconds() {
        assertThat(settings.properties())
                .containsEntry("server.address", "127.0.0.2")
                .containsEntry("server.port", "8081")
                .containsEntry("ringway.backend.node_timeout", "3000ms")
                .containsEntry("ringway.backend.conn_timeout", "250ms")
                .containsEntry("ringway.backend.recoverable_node_timeout", "1500ms")
                .containsEntry("ringway.backend.sorting_method", "affinity")
                .containsEntry("ringway.backend.read_affinity", "r1z1=100, r1=200")
                .containsEntry("ringway.backend.write_affinity", "r1")
                .containsEntry("ringway.backend.write_affinity_node_count", "2 * replicas")
                .containsEntry("ringway.proxy.allow_account_management", "true")
                .containsEntry("ringway.middleware.cache.recheck_container_existence", "30000ms");
    }

    @Test
    void perPolicySectionsBecomeBackendPolicyOverrides() {
        assertThat(settings.properties())
                .containsEntry("ringway.backend.policies.1.sorting_method", "shuffle")
                .containsEntry("ringway.backend.policies.1.write_affinity_handoff_delete_count", "auto");
    }

    @Test
    void anOptionTheFileLeavesOutTakesSwiftsDefaultNotRingways() {
        assertThat(settings.properties()).containsEntry("ringway.proxy.account_autocreate", "false");
    }

    @Test
    void filterOptionsBecomeTheirStagesSettings() {
        assertThat(settings.properties())
                .containsEntry("ringway.middleware.catch_errors.trans_id_suffix", "-east")
                .containsEntry("ringway.middleware.healthcheck.disable_path", "/etc/swift/disabled")
                .containsEntry("ringway.middleware.proxy_logging.access_log_headers", "true")
                .containsEntry("ringway.middleware.tempauth.reseller_prefix", "AUTH,SERVICE")
                .containsEntry("ringway.middleware.tempauth.prefix_require_group[SERVICE]", "service")
                .containsEntry("ringway.middleware.tempauth.token_life", "3600000ms");
    }

    @Test
    void tempauthUsersKeepTheirGroupsStorageUrlsAndBase64Names() {
        assertThat(settings.properties())
                .containsEntry("ringway.middleware.tempauth.users[0].account", "admin")
                .containsEntry("ringway.middleware.tempauth.users[0].user", "admin")
                .containsEntry("ringway.middleware.tempauth.users[0].key", "admin")
                .containsEntry("ringway.middleware.tempauth.users[0].groups", ".admin,.reseller_admin")
                .containsEntry("ringway.middleware.tempauth.users[1].groups", ".admin")
                .containsEntry("ringway.middleware.tempauth.users[1].storage_url", "http://example.com/v1/AUTH_test")
                .containsEntry("ringway.middleware.tempauth.users[2].account", "test")
                .containsEntry("ringway.middleware.tempauth.users[2].user", "user")
                .containsEntry("ringway.middleware.tempauth.users[2].groups", "");
    }

    @Test
    void optionsRingwayDoesNotApplyAreListed() {
        assertThat(settings.ignored()).containsExactlyInAnyOrder(
                "[app:proxy-server] client_timeout",
                "[filter cache] memcache_servers",
                "[proxy-server:policy:1] concurrent_gets");
    }

    @Test
    void aPipelineNamingAMissingSectionFailsAsSwiftWould() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ProxyServerConf.from(PasteIni.parse("""
                        [pipeline:main]
                        pipeline = healthcheck proxy-server
                        [app:proxy-server]
                        use = egg:swift#proxy
                        """)))
                .withMessageContaining("[filter:healthcheck]");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ProxyServerConf.from(PasteIni.parse("[app:proxy-server]\nuse = egg:swift#proxy\n")))
                .withMessageContaining("[pipeline:main]");
    }

    @Test
    void aThirdPartyFilterIsNamedByItsEntryPoint() {
        assertThat(ProxyServerConf.stageName("my-filter", "egg:acme_middleware#acme_audit")).isEqualTo("acme_audit");
        assertThat(ProxyServerConf.stageName("my-filter", "")).isEqualTo("my-filter");
        assertThat(ProxyServerConf.stageName("cache", "egg:swift#memcache")).isEqualTo("cache");
    }

    @Test
    void swiftsSecondsAndTruthsAreReadAsSwiftReadsThem() {
        assertThat(RingwaySettings.seconds("x", "0.5")).isEqualTo("500ms");
        assertThat(RingwaySettings.seconds("x", "10")).isEqualTo("10000ms");
        assertThatIllegalArgumentException().isThrownBy(() -> RingwaySettings.seconds("node_timeout", "soon"))
                .withMessageContaining("node_timeout");
        assertThat(RingwaySettings.isTrue("On")).isTrue();
        assertThat(RingwaySettings.isTrue("f")).isFalse();
    }
}
