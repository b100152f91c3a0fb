package io.ringway.middleware.tempauth;

import io.ringway.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenSignerTests {

    private static final byte[] SECRET = "s3cret".getBytes(StandardCharsets.UTF_8);
    private static final List<String> GROUPS = List.of("test", "test:tester", "AUTH_test", "SERVICE_test");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final TokenSigner signer = new TokenSigner(SECRET, "AUTH_", 86400, clock);

    @Test
    void issuesTokensWithSwiftsPrefixThatCarryTheGroups() {
        TokenSigner.Issued issued = signer.issue("test:tester", GROUPS);

        assertThat(issued.token()).startsWith("AUTH_tk").matches("[A-Za-z0-9_-]+");
        assertThat(issued.secondsLeft()).isBetween(1L, 86400L);
        assertThat(signer.groups(issued.token())).isEqualTo(GROUPS);
    }

    @Test
    void returnsTheSameTokenUntilItExpiresThenANewOne() {
        TokenSigner.Issued first = signer.issue("test:tester", GROUPS);

        clock.advance(Duration.ofSeconds(first.secondsLeft() - 1));
        TokenSigner.Issued again = signer.issue("test:tester", GROUPS);
        assertThat(again.token()).isEqualTo(first.token());
        assertThat(again.secondsLeft()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        TokenSigner.Issued next = signer.issue("test:tester", GROUPS);
        assertThat(next.token()).isNotEqualTo(first.token());
        assertThat(next.secondsLeft()).isEqualTo(86400);
    }

    @Test
    void givesANewTokenWhenTheGroupsChange() {
        assertThat(signer.issue("test:tester", GROUPS).token())
                .isNotEqualTo(signer.issue("test:tester", List.of("test", "test:tester")).token());
    }

    @Test
    void refusesExpiredTokens() {
        TokenSigner.Issued issued = signer.issue("test:tester", GROUPS);

        clock.advance(Duration.ofSeconds(issued.secondsLeft()));

        assertThat(signer.groups(issued.token())).isNull();
    }

    @Test
    void refusesTamperedTokens() {
        String token = signer.issue("test:tester", List.of("test", "test:tester")).token();
        String body = token.substring("AUTH_tk".length(), token.length() - 43);
        String mac = token.substring(token.length() - 43);
        String payload = new String(Base64.getUrlDecoder().decode(body), StandardCharsets.UTF_8);
        String forged = "AUTH_tk" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString((payload + ",.reseller_admin").getBytes(StandardCharsets.UTF_8)) + mac;
        char last = token.charAt(token.length() - 1);
        String flipped = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThat(signer.groups(forged)).isNull();
        assertThat(signer.groups(flipped)).isNull();
        assertThat(signer.groups("AUTH_tk" + "x".repeat(50))).isNull();
        assertThat(signer.groups("AUTH_tk")).isNull();
        assertThat(signer.groups("AUTH_tk%%%")).isNull();
    }

    @Test
    void refusesTokensSignedWithAnotherSecretOrPrefix() {
        String token = signer.issue("test:tester", GROUPS).token();

        TokenSigner otherSecret = new TokenSigner("other".getBytes(StandardCharsets.UTF_8), "AUTH_", 86400, clock);
        TokenSigner otherPrefix = new TokenSigner(SECRET, "OTHER_", 86400, clock);

        assertThat(otherSecret.groups(token)).isNull();
        assertThat(otherPrefix.groups("OTHER_" + token.substring("AUTH_".length()))).isNull();
    }

    @Test
    void replicasWithTheSameSecretShareTokens() {
        TokenSigner replica = new TokenSigner(SECRET.clone(), "AUTH_", 86400, clock);

        TokenSigner.Issued issued = signer.issue("test:tester", GROUPS);

        assertThat(replica.issue("test:tester", GROUPS)).isEqualTo(issued);
        assertThat(replica.groups(issued.token())).isEqualTo(GROUPS);
    }
}
