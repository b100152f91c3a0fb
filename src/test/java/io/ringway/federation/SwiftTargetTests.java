package io.ringway.federation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

class SwiftTargetTests {

    private static final URI STORAGE = URI.create("http://remote:8080/v1/AUTH_shared");

    @Test
    void containersGoToTheStorageUrlsAccountWithThePrefix() {
        try (SwiftTarget target = target(null, "fed-{account}-")) {
            assertThat(target.path(STORAGE, request("c", "dir/ü o", "prefix=a%2F&format=json")))
                    .isEqualTo("/v1/AUTH_shared/fed-AUTH_test-c/dir/%C3%BC%20o?prefix=a%2F&format=json");
            assertThat(target.path(STORAGE, request("c", null, null)))
                    .isEqualTo("/v1/AUTH_shared/fed-AUTH_test-c");
        }
    }

    @Test
    void anAccountTemplateNamesTheRemoteAccount() {
        try (SwiftTarget target = target("{account}_remote", "")) {
            assertThat(target.path(URI.create("http://remote:8080/v1/AUTH_admin/"), request("c", "o", null)))
                    .isEqualTo("/v1/AUTH_test_remote/c/o");
        }
    }

    @Test
    void tokensAreRenewedAMinuteBeforeTheyExpireOrAtHalfTheirLife() {
        assertThat(SwiftAuth.renewAfter("86400")).isEqualTo(Duration.ofSeconds(86340));
        assertThat(SwiftAuth.renewAfter("60")).isEqualTo(Duration.ofSeconds(30));
        assertThat(SwiftAuth.renewAfter(null)).isEqualTo(Duration.ofMinutes(59));
        assertThat(SwiftAuth.renewAfter("soon")).isEqualTo(Duration.ofMinutes(59));
    }

    private static RemoteRequest request(String container, String object, String query) {
        return new RemoteRequest(HttpMethod.GET, "AUTH_test", container, object, query, new HttpHeaders(), null, -1);
    }

    private static SwiftTarget target(String account, String prefix) {
        TargetProperties properties = new TargetProperties(TargetType.SWIFT, null, null, null, STORAGE, "token", account,
                prefix, null, "us-east-1", null, null, TargetProperties.UrlStyle.PATH, "{account}-{container}", null, TargetsTests.tls());
        return new SwiftTarget("t", properties, TargetLimits.BUILT_IN, new TargetGuard("t", TargetLimits.BUILT_IN, new SimpleMeterRegistry()));
    }
}
