package io.ringway.middleware.tempauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Binding {@code ringway.middleware.tempauth} as the gateway's configuration does. */
class TempAuthConfigTests {

    private static TempAuthConfig bind(Map<String, String> properties) {
        Binder binder = new Binder(new MapConfigurationPropertySource(properties));
        return binder.bindOrCreate("ringway.middleware.tempauth", TempAuthConfig.class);
    }

    @Test
    void anAbsentSectionGivesSwiftsSampleConfiguration() {
        TempAuthConfig config = bind(Map.of());

        assertThat(config).isEqualTo(TempAuthConfig.defaults());
        assertThat(config.resellerPrefix()).containsExactly("AUTH", "SERVICE");
        assertThat(config.prefixRequireGroup()).containsEntry("SERVICE", "service");
        assertThat(config.authPrefix()).isEqualTo("/auth/");
        assertThat(config.tokenLife()).isEqualTo(Duration.ofDays(1));
        assertThat(config.allowOverrides()).isTrue();
        assertThat(config.storageUrlScheme()).isEqualTo("default");
        assertThat(config.users()).extracting(u -> u.account() + ":" + u.user())
                .containsExactly("admin:admin", "test:tester", "test2:tester2", "test:tester3", "test5:tester5");
        assertThat(config.tokenSecret()).isNull();
    }

    @Test
    void bindsUsersAndOptions() {
        TempAuthConfig config = bind(Map.of(
                "ringway.middleware.tempauth.reseller-prefix", "AUTH",
                "ringway.middleware.tempauth.token-life", "2h",
                "ringway.middleware.tempauth.token-secret", "shared",
                "ringway.middleware.tempauth.allow-overrides", "false",
                "ringway.middleware.tempauth.users[0].account", "ops",
                "ringway.middleware.tempauth.users[0].user", "alice",
                "ringway.middleware.tempauth.users[0].key", "pw",
                "ringway.middleware.tempauth.users[0].groups", ".admin,ops-team"));

        assertThat(config.resellerPrefix()).containsExactly("AUTH");
        assertThat(config.tokenLife()).isEqualTo(Duration.ofHours(2));
        assertThat(config.tokenSecret()).isEqualTo("shared");
        assertThat(config.allowOverrides()).isFalse();
        assertThat(config.users()).containsExactly(
                new TempAuthConfig.User("ops", "alice", "pw", List.of(".admin", "ops-team"), null));
        assertThat(config.toString()).doesNotContain("shared").doesNotContain("pw");
    }

    @Test
    void refusesAnUnknownSchemeAndAPrefixGroupForAnUnknownPrefix() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TempAuthConfig(null, null, null, null, null, null,
                "ftp", null, null)).withMessage("storageUrlScheme: ftp (expected: default, http or https)");
        TempAuthConfig config = new TempAuthConfig(List.of("AUTH"), null, Map.of("OTHER", "x"), null, null, null,
                null, null, "s");
        assertThatIllegalArgumentException().isThrownBy(() -> new Realm(config))
                .withMessage("prefixRequireGroup: OTHER (expected: one of [AUTH])");
    }
}
