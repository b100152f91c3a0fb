package io.ringway.storage.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Messages as Swift 2.30.1's {@code validate_sync_to} gives them, with allowed host 127.0.0.1 and no realms. */
final class SyncToTests {

    private static final Set<String> ALLOWED = Set.of("127.0.0.1");

    @Test
    void acceptsAnAllowedHostWithAPath() {
        assertThat(SyncTo.validate("http://127.0.0.1/v1/a/c", ALLOWED)).isEmpty();
        assertThat(SyncTo.validate("http://u@127.0.0.1:8080/a/", ALLOWED)).isEmpty();
        assertThat(SyncTo.validate("", ALLOWED)).isEmpty();
    }

    @Test
    void refusesOtherValuesWithSwiftsMessages() {
        assertThat(SyncTo.validate("http://EXAMPLE.com:80/v1/a/c", ALLOWED))
                .contains("Invalid host 'example.com' in X-Container-Sync-To");
        assertThat(SyncTo.validate("ftp://127.0.0.1/a", ALLOWED)).contains(
                "Invalid scheme 'ftp' in X-Container-Sync-To, must be \"//\", \"http\", or \"https\".");
        assertThat(SyncTo.validate("127.0.0.1/a", ALLOWED)).contains(
                "Invalid scheme '' in X-Container-Sync-To, must be \"//\", \"http\", or \"https\".");
        assertThat(SyncTo.validate("http://127.0.0.1", ALLOWED)).contains("Path required in X-Container-Sync-To");
        assertThat(SyncTo.validate("http://127.0.0.1/a?x=1", ALLOWED))
                .contains("Params, queries, and fragments not allowed in X-Container-Sync-To");
        assertThat(SyncTo.validate("http://127.0.0.1/a;p", ALLOWED))
                .contains("Params, queries, and fragments not allowed in X-Container-Sync-To");
        assertThat(SyncTo.validate("//r/c/a/c", ALLOWED)).contains("No realm key for 'r'");
        assertThat(SyncTo.validate("//r/c/a", ALLOWED)).contains("Invalid X-Container-Sync-To format '//r/c/a'");
        assertThat(SyncTo.validate("http:///a", ALLOWED)).contains("Invalid host None in X-Container-Sync-To");
    }
}
