package io.ringway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProxySettingsTests {

    @Test
    void limitsContainersOnlyWhenSetAndNotForWhitelistedAccounts() {
        ProxySettings limited = new ProxySettings(false, false, 2, List.of("AUTH_big"), List.of(), true, List.of());

        assertThat(ProxySettings.DEFAULTS.atContainerLimit("AUTH_a", 1_000_000)).isFalse();
        assertThat(limited.atContainerLimit("AUTH_a", 1)).isFalse();
        assertThat(limited.atContainerLimit("AUTH_a", 2)).isTrue();
        assertThat(limited.atContainerLimit("AUTH_big", 5)).isFalse();
    }

    @Test
    void refusesANegativeLimit() {
        assertThatThrownBy(() -> new ProxySettings(false, false, -1, List.of(), List.of(), true, List.of()))
                .hasMessage("max_containers_per_account: -1 (expected: >= 0)");
    }
}
