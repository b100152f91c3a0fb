package io.ringway.storage.audit.watcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Watcher settings found however Spring bound their keys, durations in Swift's seconds or Spring's form. */
class WatcherSettingsTests {

    @Test
    void aKeyIsFoundInEverySpellingSpringMayHaveBoundIt() {
        for (String bound : new String[] {"grace_age", "grace-age", "graceage", "graceAge"}) {
            assertThat(WatcherSettings.get(Map.of(bound, "60"), "grace_age")).as(bound).isEqualTo("60");
        }
        assertThat(WatcherSettings.get(Map.of(), "grace_age", "604800")).isEqualTo("604800");
    }

    @Test
    void durationsAreSecondsAsInSwiftOrSpringDurations() {
        assertThat(WatcherSettings.seconds(Map.of("t", "0.5"), "t", Duration.ZERO)).isEqualTo(Duration.ofMillis(500));
        assertThat(WatcherSettings.seconds(Map.of("t", "2m"), "t", Duration.ZERO)).isEqualTo(Duration.ofMinutes(2));
        assertThat(WatcherSettings.seconds(Map.of(), "t", Duration.ofDays(7))).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void aSectionIsFoundByTheWatchersNameInAnySpelling() {
        WatcherOptions options = new WatcherOptions(java.util.List.of("dark_data"),
                Map.of("darkdata", Map.of("action", "quarantine")), Map.of("swift_dir", "/etc/swift"),
                Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1), 1, java.util.List.of(),
                java.util.List.of());
        assertThat(options.configOf("dark_data")).containsEntry("action", "quarantine")
                .containsEntry("swift_dir", "/etc/swift");
        assertThat(options.configOf("account_location")).containsOnlyKeys("swift_dir");
    }
}
